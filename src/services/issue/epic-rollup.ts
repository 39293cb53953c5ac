/**
 * An epic's issue panel: its children's dependencies as the MetaScrum panel counts them (needs, needed
 * by, conflicts, cycles, each with the child that carries it) and why its readiness is what it is.
 * Read from the same records as the panel row (services/analysis/epic-links.ts); what the user may not
 * see (asked of Jira as them, so issue security applies) is counted, never named.
 */
import { browsableIssueIds } from '../../jira/permissions';
import type { JiraClient } from '../../jira/client';
import { projectKeyOf } from '../../domain/issue-key';
import type { EpicRollup } from '../../shared/contract';
import {
  EpicLinkRecordSchema,
  EpicRecordSchema,
  type CycleRecord,
  type EpicLinkRecord,
} from '../../storage/analysis-schema';
import { partsOf, readParts } from '../../storage/analysis-store';
import type { AnalysisView } from '../analysis/analysis-view';
import { visibleCyclePath } from '../analysis/cycle-projection';
import { epicReadinessExplanation } from '../analysis/epic-readiness-text';

export async function epicRollup(
  view: AnalysisView,
  asUser: JiraClient,
  epicKey: string,
  cycles: readonly CycleRecord[],
  ownRulesFailing: number,
): Promise<EpicRollup | null> {
  const manifest = view.manifest;
  if (!manifest) return null;
  const project = projectKeyOf(epicKey);
  const [links, epics] = await Promise.all([
    readParts(partsOf(manifest, `epic-links:${project}`), EpicLinkRecordSchema),
    readParts(partsOf(manifest, `epics:${project}`), EpicRecordSchema),
  ]);
  const epic = epics.find((e) => e.key === epicKey);
  if (!epic) return null;
  const own = links.filter((l) => l.epic === epicKey);
  const ids = [...new Set(own.flatMap((l) => [l.childId, l.otherId]).filter((id) => id !== ''))];
  const permitted = await browsableIssueIds(asUser, ids);
  const idOf = new Map(own.flatMap((l) => [[l.child, l.childId] as const, [l.other, l.otherId] as const]));
  const sees = (key: string) => view.visible.has(projectKeyOf(key)) && permitted.has(idOf.get(key) ?? '');
  const shown = (l: EpicLinkRecord) => sees(l.child) && sees(l.other);
  const entry = (l: EpicLinkRecord) => ({ child: l.child, other: l.other, status: l.status });
  const children = new Set(own.map((l) => l.child));
  const inCycles = cycles.filter((c) => c.keys.some((k) => children.has(k)));
  return {
    needs: own.filter((l) => l.crossTeam && l.direction === 'needs' && shown(l)).map(entry),
    neededBy: own.filter((l) => l.crossTeam && l.direction === 'neededBy' && shown(l)).map(entry),
    conflicts: own
      .filter((l) => l.status === 'conflict' && shown(l))
      .map((l) => ({ ...entry(l), direction: l.direction })),
    cycles: inCycles.map((c) => visibleCyclePath(c.path, sees)),
    hiddenLinks: own.filter((l) => !shown(l)).length,
    readiness: epicReadinessExplanation(epic, ownRulesFailing),
  };
}
