/**
 * The admin page's full program configuration: read it with its saved versions, save a new version
 * (every invalid field named, nothing stored), or restore an earlier version as a new one. A change
 * of projects or fields rebuilds the snapshot; any other change re-runs the analysis on it.
 */
import { ProgramConfigError, parseProgramConfig, type ProgramConfig } from '../domain/config/program-config';
import { configChanges } from '../domain/config/config-diff';
import { problemSentence } from '../domain/config/field-labels';
import { withFormerNames } from '../domain/impediments/ladder-levels';
import { verdictOf } from '../domain/normalise/link-direction';
import type { JiraClient } from '../jira/client';
import { getMyself, listBrowsableProjects, listIssueLinkTypes } from '../jira/reads';
import type { AdminConfig, ConfigVersion } from '../shared/contract';
import { FieldIdSchema } from '../shared/contract';
import {
  listConfigVersions,
  readConfigVersion,
  readProgramConfig,
  readStoredConfig,
  saveProgramConfig,
  type StoredConfig,
} from '../storage/program-config';
import { requestAnalysis } from './analysis/analysis-view';
import { applyLadderChange, removalSentence, removalsWithImpediments } from './impediments/ladder-change';
import { InvalidFields, InvalidInput, VersionConflict } from './errors';
import { ladderOwnerNames, refuseUnknownOwners } from './owners/ladder-owner-check';
import { requestSnapshotJob } from './snapshot/snapshot-requests';

const versionOf = (s: StoredConfig): ConfigVersion => ({
  version: s.version,
  savedAt: s.savedAt,
  savedBy: s.savedBy,
  note: s.note,
  changes: s.changes,
});

export async function getAdminConfig(asUser: JiraClient): Promise<AdminConfig> {
  const [stored, history, projects, linkTypes] = await Promise.all([
    readStoredConfig(),
    listConfigVersions(),
    listBrowsableProjects(asUser),
    listIssueLinkTypes(asUser),
  ]);
  const config = stored?.config ?? (await readProgramConfig());
  return {
    config,
    version: stored ? versionOf(stored) : null,
    history: history.map(versionOf),
    availableProjects: projects.map((p) => ({ key: p.key, name: p.name })),
    linkTypes: linkTypes.map((t) => verdictOf(t, config)),
    notices: [],
  };
}

const MAX_CONFIG_BYTES = 200 * 1024;

/** The engine's schema first, then what only Jira can tell: do the projects exist, are fields ids. */
function checkedConfig(raw: unknown, known: ReadonlySet<string>): ProgramConfig {
  let config: ProgramConfig;
  try {
    config = parseProgramConfig(raw);
  } catch (error) {
    if (!(error instanceof ProgramConfigError)) throw error;
    throw new InvalidFields(
      error.problems.map((p) => ({
        field: `config.${p.field}`,
        message: problemSentence(p.field, p.message),
      })),
    );
  }
  const problems: Array<{ field: string; message: string }> = [];
  const listed = new Set<string>();
  config.projects.forEach((key, i) => {
    if (!known.has(key))
      problems.push({
        field: `config.projects[${i}]`,
        message: `Team projects: ${key} is not a project you can browse in this Jira (mistyped, deleted or archived?)`,
      });
    // A Set, not indexOf: linear in the list's length (60,000 keys took seconds when quadratic).
    if (listed.has(key))
      problems.push({ field: `config.projects[${i}]`, message: `Team projects: ${key} is listed twice` });
    listed.add(key);
  });
  for (const [role, ref] of Object.entries(config.fields)) {
    if (ref !== undefined && !FieldIdSchema.safeParse(ref).success)
      problems.push({
        field: `config.fields.${role}`,
        message: `${problemSentence(`fields.${role}`, 'must be a field id such as customfield_10016')}`,
      });
  }
  const bytes = Buffer.byteLength(JSON.stringify(config), 'utf8');
  // Stored as one value with room for its envelope: Forge refuses values over 240 KiB.
  if (bytes > MAX_CONFIG_BYTES)
    problems.push({
      field: 'config',
      message: `Configuration is ${bytes} bytes; at most ${MAX_CONFIG_BYTES} can be stored`,
    });
  if (problems.length > 0) throw new InvalidFields(problems);
  return config;
}

async function store(
  asUser: JiraClient,
  previous: ProgramConfig,
  config: ProgramConfig,
  now: number,
  baseVersion: number,
  note: string,
) {
  const [me, ownerNames] = await Promise.all([
    getMyself(asUser),
    ladderOwnerNames(asUser, [previous, config]),
  ]);
  const actor = { accountId: me.accountId, displayName: me.displayName ?? me.accountId };
  const saved = await saveProgramConfig(
    config,
    actor,
    now,
    baseVersion,
    note,
    configChanges(previous, config, ownerNames),
  );
  if (!saved.ok) {
    const current = saved.current;
    const by = current?.savedBy?.displayName ?? 'another admin';
    throw new VersionConflict(
      `The config was saved as version ${current?.version ?? 0} by ${by} after you opened version ${baseVersion}; nothing was saved. Reload, then make your change again.`,
      current?.version ?? 0,
    );
  }
  const refetch =
    JSON.stringify(previous.projects) !== JSON.stringify(config.projects) ||
    JSON.stringify(previous.fields) !== JSON.stringify(config.fields);
  if (refetch) await requestSnapshotJob({ reason: 'settings', mode: 'full' }, now);
  else await requestAnalysis('settings', now, true);
  return { actor, version: saved.stored.version };
}

/** The levels as saved: each renamed level remembers its previous name (ladder-levels.ts). */
function withLadderMemory(previous: ProgramConfig, config: ProgramConfig): ProgramConfig {
  const levels = withFormerNames(previous.impediments.levels, config.impediments.levels);
  return { ...config, impediments: { ...config.impediments, levels } };
}

export interface SaveRequest {
  raw: unknown;
  baseVersion: number;
  /** The admin confirmed that removed levels' open impediments move to the nearest remaining level. */
  confirmLevelRemoval: boolean;
  /** What the saved version says it was ("saved", "restored version 3"). */
  note?: string;
}

export async function saveAdminConfig(
  asUser: JiraClient,
  asApp: JiraClient,
  request: SaveRequest,
  now: number,
): Promise<AdminConfig> {
  const known = new Set((await listBrowsableProjects(asUser)).map((p) => p.key));
  const previous = await readProgramConfig();
  const config = withLadderMemory(previous, checkedConfig(request.raw, known));
  await refuseUnknownOwners(asUser, config);
  const removals = await removalsWithImpediments(asApp, previous, config, now);
  if (removals.length > 0 && !request.confirmLevelRemoval) {
    throw new InvalidFields([
      {
        field: 'config.impediments.levels',
        message: `Escalation ladder: ${removalSentence(removals)}. Confirm the move to save.`,
      },
    ]);
  }
  const saved = await store(asUser, previous, config, now, request.baseVersion, request.note ?? 'saved');
  const notices = await applyLadderChange(asApp, previous, config, removals, saved.actor, saved.version, now);
  return { ...(await getAdminConfig(asUser)), notices };
}

/**
 * A restore is a save of the old version's config: the same checks (projects, owners that may have been
 * deleted since, removed levels holding open impediments) and the same effects (renamed Escalation level
 * options, moved impediments), so a restore can never half-apply a ladder.
 */
export async function restoreConfigVersion(
  asUser: JiraClient,
  asApp: JiraClient,
  request: { version: number; baseVersion: number; confirmLevelRemoval: boolean },
  now: number,
): Promise<AdminConfig> {
  const record = await readConfigVersion(request.version);
  if (!record) throw new InvalidInput('version', `version ${request.version} is not in the kept history`);
  return saveAdminConfig(
    asUser,
    asApp,
    {
      raw: record.config,
      baseVersion: request.baseVersion,
      confirmLevelRemoval: request.confirmLevelRemoval,
      note: `restored version ${request.version}`,
    },
    now,
  );
}
