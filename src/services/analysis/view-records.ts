/**
 * The per-view records besides the epics: readiness per item, the dependency graph (nodes and edges),
 * epic-level edges with their worst sprint-order status, rank operations per team, the refinement
 * agenda, impediments, and the small program-wide record.
 */
import type { ProgramAnalysis } from '../../domain/analyse-program';
import type { ProgramConfig } from '../../domain/config/program-config';
import type { ProgramModel } from '../../domain/model/program-model';
import { readinessChecklist } from '../../domain/readiness/definition-of-ready';
import type {
  AgendaRecord,
  EpicEdge,
  GraphEdge,
  GraphNode,
  ImpedimentRecord,
  ItemRecord,
  ProgramRecord,
  RankOperationRecord,
} from '../../storage/analysis-schema';
import type { IssueFacts } from './issue-facts';

/** How many not-ready items the agenda keeps (users see the top ones they may browse). */
export const AGENDA_KEEP = 300;
const WORST = { conflict: 3, 'at-risk': 2, unplanned: 1, healthy: 0 } as const;

export function itemRecords(analysis: ProgramAnalysis, facts: IssueFacts): ItemRecord[] {
  const backlog: ItemRecord[] = analysis.readiness.map((r) => ({
    key: r.key,
    id: facts.get(r.key)?.id ?? '',
    kind: 'backlog',
    team: r.team ?? null,
    epic: r.epicKey ?? null,
    ready: r.ready,
    score: r.score,
    failing: r.rules.filter((rule) => !rule.pass).map((rule) => ({ id: rule.id, reason: rule.reason })),
  }));
  const epics: ItemRecord[] = analysis.epicReadiness.map((r) => ({
    key: r.key,
    id: facts.get(r.key)?.id ?? '',
    kind: 'epic',
    team: r.team ?? null,
    epic: r.key,
    ready: r.ready,
    // Percent, like an item's score.
    score: Math.round((r.readyShare ?? 0) * 100),
    failing: r.rules.filter((rule) => !rule.pass).map((rule) => ({ id: rule.id, reason: rule.reason })),
  }));
  return [...backlog, ...epics];
}

export function graphRecords(
  analysis: ProgramAnalysis,
  model: ProgramModel,
  facts: IssueFacts,
): { nodes: GraphNode[]; edges: GraphEdge[]; epicEdges: EpicEdge[] } {
  const inCycle = new Set(analysis.cycles.flatMap((c) => c.keys));
  const critical = new Set(analysis.criticalPath.keys);
  const itemOf = (key: string) => model.items[model.indexOf.get(key) ?? -1];
  const keys = new Set(analysis.dependencies.flatMap((d) => [d.from, d.to]));
  const nodes = [...keys].map((key) => {
    const item = itemOf(key);
    return {
      key,
      id: facts.get(key)?.id ?? '',
      summary: item?.summary ?? '',
      team: item?.team ?? null,
      epic: item?.epicKey ?? null,
      statusName: item?.statusName ?? '',
      statusCategory: facts.get(key)?.statusCategory ?? 'new',
      inCycle: inCycle.has(key),
      critical: critical.has(key),
    };
  });
  const edges = analysis.dependencies.map((d) => ({
    from: d.from,
    to: d.to,
    status: d.status,
    crossTeam: d.crossTeam,
    fromSprint: d.fromSprint ?? null,
    toSprint: d.toSprint ?? null,
  }));
  const byPair = new Map<string, EpicEdge>();
  for (const d of analysis.dependencies) {
    const [from, to] = [itemOf(d.from)?.epicKey, itemOf(d.to)?.epicKey];
    if (from === undefined || to === undefined || from === to) continue;
    const id = `${from} ${to}`;
    const edge = byPair.get(id) ?? { from, to, via: 0, status: d.status };
    edge.via++;
    if (WORST[d.status] > WORST[edge.status]) edge.status = d.status;
    byPair.set(id, edge);
  }
  return { nodes, edges, epicEdges: [...byPair.values()] };
}

export function rankRecords(analysis: ProgramAnalysis): RankOperationRecord[] {
  return analysis.rankMoves.flatMap((flow) => flow.operations.map((op) => ({ team: flow.team, ...op })));
}

/** Not-ready items in MetaScrum order: by their epic's position, then by Jira rank. */
export function agendaRecords(analysis: ProgramAnalysis, model: ProgramModel): AgendaRecord[] {
  const position = new Map(analysis.priority.order.map((key, i) => [key, i + 1]));
  const rankOf = (key: string) => model.items[model.indexOf.get(key) ?? -1]?.rank ?? '\uffff';
  return analysis.readiness
    .filter((r) => !r.ready)
    .map((r) => ({ r, pos: r.epicKey ? (position.get(r.epicKey) ?? null) : null, rank: rankOf(r.key) }))
    .sort(
      (a, b) => (a.pos ?? Infinity) - (b.pos ?? Infinity) || (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0),
    )
    .slice(0, AGENDA_KEEP)
    .map(({ r, pos }) => ({
      key: r.key,
      summary: r.summary,
      team: r.team ?? null,
      epic: r.epicKey ?? null,
      epicPosition: pos,
      points: r.points ?? null,
      failing: r.rules
        .filter((rule) => !rule.pass)
        .map((rule) => ({ id: rule.id, reason: rule.reason, required: rule.required })),
    }));
}

/** The open impediments, each with when it entered its level, so a view ages it to its own time. */
export function impedimentRecords(
  analysis: ProgramAnalysis,
  now: number,
  idOf: (key: string) => string | undefined = () => undefined,
): ImpedimentRecord[] {
  return analysis.impediments.open.map((o) => ({
    key: o.key,
    id: idOf(o.key) ?? '',
    source: o.source,
    summary: o.summary,
    team: o.team ?? null,
    level: o.level,
    owner: o.owner ?? null,
    enteredLevelMs: o.msAtLevel === null ? null : now - o.msAtLevel,
    daysAtLevel: o.daysAtLevel,
    slaDays: o.slaDays,
    breached: o.breached,
  }));
}

export function programRecord(analysis: ProgramAnalysis, config: ProgramConfig): ProgramRecord {
  const { impediments, cadence } = analysis;
  return {
    name: config.name,
    teams: analysis.teams.map((t) => ({
      team: t.team,
      velocity: t.velocity,
      readyPoints: t.readyPoints,
      backlogItems: t.backlogItems,
      readyItems: t.readyItems,
      horizonSprints: t.horizonSprints,
      status: t.status,
      reason: t.reason,
    })),
    band: { minSprints: config.horizon.minSprints, maxSprints: config.horizon.maxSprints },
    matrix: analysis.matrix.cells,
    cadence: { advice: cadence.advice, score: cadence.score, rule: cadence.rule, factors: cadence.factors },
    cadenceEvidence: analysis.cadenceEvidence,
    impediments: {
      perLevel: impediments.perLevel,
      slaBreaches: impediments.slaBreaches,
      resolved: impediments.resolved,
      medianDaysToResolve: impediments.medianDaysToResolve,
    },
    checklist: readinessChecklist(config),
    criticalPath: { keys: analysis.criticalPath.keys, length: analysis.criticalPath.length },
  };
}
