/**
 * An epic's dependencies rolled up from its children (DOMAIN.md "Epic roll-up"): each open dependency
 * that is cross-team or in conflict, recorded on the epic of each end, with the child that carries it.
 * The MetaScrum panel's counts (needs, needed by, conflicts) and the epic's issue panel both come from
 * these records, so they cannot disagree.
 */
import type { ProgramAnalysis } from '../../domain/analyse-program';
import type { ProgramModel } from '../../domain/model/program-model';
import type { EpicLinkRecord } from '../../storage/analysis-schema';
import type { IssueFacts } from './issue-facts';

export function epicLinks(
  analysis: ProgramAnalysis,
  model: ProgramModel,
  facts: IssueFacts,
): EpicLinkRecord[] {
  const epicOf = (key: string) => model.items[model.indexOf.get(key) ?? -1]?.epicKey;
  const idOf = (key: string) => facts.get(key)?.id ?? '';
  const records: EpicLinkRecord[] = [];
  for (const d of analysis.dependencies) {
    if (!d.crossTeam && d.status !== 'conflict') continue;
    const [fromEpic, toEpic] = [epicOf(d.from), epicOf(d.to)];
    const link = { status: d.status, crossTeam: d.crossTeam };
    if (toEpic !== undefined)
      records.push({
        epic: toEpic,
        direction: 'needs',
        child: d.to,
        childId: idOf(d.to),
        other: d.from,
        otherId: idOf(d.from),
        ...link,
      });
    if (fromEpic !== undefined)
      records.push({
        epic: fromEpic,
        direction: 'neededBy',
        child: d.from,
        childId: idOf(d.from),
        other: d.to,
        otherId: idOf(d.to),
        ...link,
      });
  }
  return records;
}

export interface EpicLinkCounts {
  needs: number;
  neededBy: number;
  conflicts: number;
}

/** The panel's columns: cross-team needs and needed-by, and each conflicting dependency once. */
export function epicLinkCounts(records: readonly EpicLinkRecord[]): EpicLinkCounts {
  const conflicts = new Set<string>();
  let needs = 0;
  let neededBy = 0;
  for (const r of records) {
    if (r.crossTeam && r.direction === 'needs') needs++;
    if (r.crossTeam && r.direction === 'neededBy') neededBy++;
    if (r.status === 'conflict')
      conflicts.add(r.direction === 'needs' ? `${r.other}>${r.child}` : `${r.child}>${r.other}`);
  }
  return { needs, neededBy, conflicts: conflicts.size };
}

/** Records grouped by epic key. */
export function linksByEpic(records: readonly EpicLinkRecord[]): Map<string, EpicLinkRecord[]> {
  const byEpic = new Map<string, EpicLinkRecord[]>();
  for (const r of records) {
    const list = byEpic.get(r.epic);
    if (list) list.push(r);
    else byEpic.set(r.epic, [r]);
  }
  return byEpic;
}
