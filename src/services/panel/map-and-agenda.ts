/** The panel's dependency map (epics and their worst-status edges) and refinement agenda, per user. */
import type { Agenda, DependencyMap } from '../../shared/contract';
import { AgendaRecordSchema, EpicEdgeSchema } from '../../storage/analysis-schema';
import { partsOf, readParts } from '../../storage/analysis-store';
import { allVisible, analysisViewFor, redactKeys } from '../analysis/analysis-view';
import type { Viewer } from '../viewer';
import { boardEpics } from './board-epics';

/** Beyond this, the picture is unreadable: the map keeps the top-ranked linked epics. */
export const MAP_MAX_NODES = 150;
const DEFAULT_AGENDA = 25;

export async function dependencyMap(viewer: Viewer, team?: string): Promise<DependencyMap> {
  const view = await analysisViewFor(viewer);
  const [{ rows }, edges] = await Promise.all([
    boardEpics(view),
    view.manifest ? readParts(partsOf(view.manifest, 'epic-edges'), EpicEdgeSchema) : [],
  ]);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const shown = edges.filter((e) => byKey.has(e.from) && byKey.has(e.to) && allVisible(view, [e.from, e.to]));
  const touching = (key: string) => (team ? byKey.get(key)?.team === team : true);
  const inTeam = shown.filter((e) => touching(e.from) || touching(e.to));
  const linked = [...new Set(inTeam.flatMap((e) => [e.from, e.to]))]
    .flatMap((k) => byKey.get(k) ?? [])
    .sort((a, b) => a.rank - b.rank)
    .slice(0, MAP_MAX_NODES);
  const kept = new Set(linked.map((r) => r.key));
  return {
    nodes: linked.map((r) => ({
      key: r.key,
      summary: r.summary,
      team: r.team,
      rank: r.rank,
      inCycle: r.inCycle,
      critical: r.critical,
    })),
    edges: inTeam.filter((e) => kept.has(e.from) && kept.has(e.to)),
    unlinkedEpics: rows.filter((r) => !touching(r.key) || !kept.has(r.key)).length,
    analysis: view.analysis,
  };
}

export async function refinementAgenda(viewer: Viewer, limit = DEFAULT_AGENDA): Promise<Agenda> {
  const view = await analysisViewFor(viewer);
  const records = view.manifest ? await readParts(partsOf(view.manifest, 'agenda'), AgendaRecordSchema) : [];
  const { rows } = await boardEpics(view);
  const rank = new Map(rows.map((r) => [r.key, r.rank]));
  const items = records
    .filter((r) => allVisible(view, [r.key, ...(r.epic ? [r.epic] : [])]))
    .map((r) => ({
      ...r,
      epicRank: r.epic ? (rank.get(r.epic) ?? null) : null,
      failing: r.failing.map((f) => ({ ...f, reason: redactKeys(view, f.reason) })),
    }))
    .sort((a, b) => (a.epicRank ?? Infinity) - (b.epicRank ?? Infinity));
  return {
    items: items.slice(0, limit).map(({ epicPosition: _position, ...r }) => r),
    more: Math.max(0, items.length - limit),
    analysis: view.analysis,
  };
}
