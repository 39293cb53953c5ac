/**
 * Backlogs per level and metrics for the panel and the gadget, read live as the user: Jira's search
 * leaves out what they may not browse, and program projects they cannot browse are only counted.
 */
import type { ProgramConfig } from '../../domain/config/program-config';
import { executiveBacklog } from '../../domain/impediments/executive-backlog';
import { levelBacklogs, type BacklogEntry } from '../../domain/impediments/impediment-backlog';
import { projectKeyOf } from '../../domain/issue-key';
import { impedimentSummary } from '../../domain/impediments/impediment-summary';
import type { JiraClient } from '../../jira/client';
import type { ImpedimentBacklogs, ImpedimentMetrics } from '../../shared/impediment-contract';
import { readStoredConfig } from '../../storage/program-config';
import { programScopeFor } from '../program-scope';
import { browsableProjectsOf } from '../user-access';
import type { Viewer } from '../viewer';
import { impedimentSettings } from './impediment-context';
import { resolveOwner } from './ladder-owners';
import { readProgramImpediments } from './program-impediments';

async function scopeOf(viewer: Viewer) {
  const browsable = await browsableProjectsOf(viewer.asUser, viewer.accountId, viewer.now);
  return programScopeFor((await readStoredConfig())?.config, browsable);
}

export async function impedimentBacklogs(
  viewer: Viewer,
  asApp: JiraClient,
  config: ProgramConfig,
  levels: readonly string[] | undefined,
): Promise<ImpedimentBacklogs> {
  const scope = await scopeOf(viewer);
  const settings = await impedimentSettings(config, asApp, viewer.now);
  const keys = scope.visibleProjects.map((p) => p.key);
  const impediments = await readProgramImpediments(viewer.asUser, keys, settings, false);
  const all = levelBacklogs(impediments, settings.ladder, viewer.now);
  const top = executiveBacklog(all, settings.ladder.at(-1)?.name);
  const backlogs = all.filter((b) => levels === undefined || levels.includes(b.level));
  const kindOf = (level: string) => settings.ladder.find((l) => l.name === level)?.ownerKind;
  const owners = await Promise.all(
    backlogs.map((b) => resolveOwner(asApp, b.owner, viewer.now, kindOf(b.level))),
  );
  const topRung = settings.ladder.at(-1);
  const topOwner = await resolveOwner(asApp, topRung?.owner, viewer.now, topRung?.ownerKind);
  // Jira may list links to issues of projects outside the program: show only what the user may browse.
  const visible = new Set(keys);
  const shown = (e: BacklogEntry) => ({
    ...e,
    blocks: e.blocks.filter((key) => visible.has(projectKeyOf(key))),
  });
  return {
    levels: backlogs.map((b, i) => ({
      level: b.level,
      owner: owners[i] ?? null,
      slaDays: b.slaDays,
      items: b.entries.map(shown),
    })),
    executive: { level: top.level ?? null, owner: topOwner, items: top.entries.map(shown) },
    hiddenProjectCount: scope.hiddenProjectCount,
  };
}

export async function impedimentMetricsFor(
  viewer: Viewer,
  asApp: JiraClient,
  config: ProgramConfig,
): Promise<ImpedimentMetrics> {
  const scope = await scopeOf(viewer);
  const settings = await impedimentSettings(config, asApp, viewer.now);
  const impediments = await readProgramImpediments(
    viewer.asUser,
    scope.visibleProjects.map((p) => p.key),
    settings,
    true,
  );
  const summary = impedimentSummary(impediments, settings.ladder, viewer.now);
  return {
    open: summary.open,
    perLevel: summary.perLevel,
    slaBreaches: summary.slaBreaches,
    resolvedLast30Days: summary.resolvedInWindow,
    medianDaysToResolve: summary.medianDaysToResolve,
    trend: summary.trend,
    hiddenProjectCount: scope.hiddenProjectCount,
  };
}
