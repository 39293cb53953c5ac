/**
 * What the cadence advice is computed from, per project, so that a narrower view (a gadget set to some
 * projects) advises on the same scope its table counts: each open or resolved impediment with its
 * times, flagged items per project, and open cross-team dependencies per pair of projects.
 */
import { projectKeyOf } from '../issue-key';
import type { ProgramConfig } from '../config/program-config';
import { itemsAt, type ItemGroups } from '../model/item-groups';
import type { ProgramModel } from '../model/program-model';

export interface CadenceImpediment {
  project: string;
  done: boolean;
  createdMs: number | null;
  resolvedMs: number | null;
  /** When it was escalated from one level to another (epoch ms). */
  escalatedMs: number[];
}

export interface CadenceEvidence {
  /** The analysis time the advice is computed at, and the thresholds it used (the config it analysed). */
  atMs: number;
  thresholds: ProgramConfig['cadence'];
  impediments: CadenceImpediment[];
  /** Open flagged items (team-level impediments), per project. */
  flagged: Record<string, number>;
  /** Open cross-team dependencies: prerequisite's project, dependant's project, count. */
  crossTeam: Array<{ from: string; to: string; count: number }>;
}

export function cadenceEvidenceOf(
  model: ProgramModel,
  groups: ItemGroups,
  crossTeam: ReadonlyArray<{ from: string; to: string }>,
  nowMs: number,
  thresholds: ProgramConfig['cadence'],
): CadenceEvidence {
  const impediments = itemsAt(model.items, groups.impediments).map((i) => ({
    project: projectKeyOf(i.key),
    done: i.done,
    createdMs: i.createdMs ?? null,
    resolvedMs: i.resolvedMs ?? null,
    escalatedMs: i.escalationHistory.filter((s) => s.from !== undefined).map((s) => s.atMs),
  }));
  const flagged: Record<string, number> = {};
  for (const i of itemsAt(model.items, groups.flaggedOpen)) {
    if (i.kind === 'impediment' || i.external) continue;
    const project = projectKeyOf(i.key);
    flagged[project] = (flagged[project] ?? 0) + 1;
  }
  // Counted by prerequisite project, then dependant project, in first-seen order; no pair string is
  // made. Dependencies come in runs of one project at each end, so an end whose key starts like the
  // previous one's project takes that string (no slice, no lookup in a map of 70k keys).
  const projectAt = (key: string, previous: string | undefined): string => {
    const dash = key.lastIndexOf('-');
    return previous !== undefined && dash === previous.length && key.startsWith(previous)
      ? previous
      : projectKeyOf(key);
  };
  let lastFrom: string | undefined;
  let lastTo: string | undefined;
  const pairs = new Map<string, Map<string, { from: string; to: string; count: number }>>();
  const counted: Array<{ from: string; to: string; count: number }> = [];
  for (const d of crossTeam) {
    const from = (lastFrom = projectAt(d.from, lastFrom));
    const to = (lastTo = projectAt(d.to, lastTo));
    let byTo = pairs.get(from);
    if (!byTo) pairs.set(from, (byTo = new Map<string, { from: string; to: string; count: number }>()));
    let pair = byTo.get(to);
    if (!pair) {
      byTo.set(to, (pair = { from, to, count: 0 }));
      counted.push(pair);
    }
    pair.count += 1;
  }
  return { atMs: nowMs, thresholds, impediments, flagged, crossTeam: counted };
}

/** The evidence of these projects only (a cross-team dependency counts when both its ends are in). */
export function narrowEvidence(evidence: CadenceEvidence, projects: ReadonlySet<string>): CadenceEvidence {
  return {
    atMs: evidence.atMs,
    thresholds: evidence.thresholds,
    impediments: evidence.impediments.filter((i) => projects.has(i.project)),
    flagged: Object.fromEntries(Object.entries(evidence.flagged).filter(([p]) => projects.has(p))),
    crossTeam: evidence.crossTeam.filter((d) => projects.has(d.from) && projects.has(d.to)),
  };
}
