/**
 * The part of the stored dependency graph an issue's trails reach, read team by team: a walk upstream
 * needs the edges into the projects it has reached (`edges-in:<project>`), a walk downstream the edges
 * out of them (`edges-out:<project>`). Each round walks what is loaded and loads the projects it newly
 * reached, so a trail that stays within three teams reads three teams' edges, not the whole program's.
 */
import { trailOverEdges } from '../../domain/views/trail-over-edges';
import {
  GraphEdgeSchema,
  GraphNodeSchema,
  type GraphEdge,
  type GraphNode,
} from '../../storage/analysis-schema';
import { partsOf, readParts } from '../../storage/analysis-store';
import { projectKeyOf } from '../../domain/issue-key';
import type { AnalysisView } from '../analysis/analysis-view';

export interface TrailGraph {
  edges: GraphEdge[];
  nodes: Map<string, GraphNode>;
}

export async function trailGraph(
  view: AnalysisView,
  start: string,
  canEnter: (key: string) => boolean,
): Promise<TrailGraph> {
  const manifest = view.manifest;
  if (!manifest) return { edges: [], nodes: new Map() };
  const edges = new Map<string, GraphEdge>();
  const loaded = { up: new Set<string>(), down: new Set<string>() };
  const load = async (direction: 'up' | 'down', projects: string[]) => {
    const partition = direction === 'up' ? 'edges-in' : 'edges-out';
    const parts = projects.flatMap((p) => partsOf(manifest, `${partition}:${p}`));
    projects.forEach((p) => loaded[direction].add(p));
    for (const e of await readParts(parts, GraphEdgeSchema)) edges.set(`${e.from} ${e.to}`, e);
  };
  for (let round = 0; round < 1000; round++) {
    const all = [...edges.values()];
    const reached = (direction: 'upstream' | 'downstream') => [
      projectKeyOf(start),
      ...trailOverEdges(all, start, direction, canEnter).steps.map((s) => projectKeyOf(s.key)),
    ];
    const up = [...new Set(reached('upstream'))].filter((p) => !loaded.up.has(p));
    const down = [...new Set(reached('downstream'))].filter((p) => !loaded.down.has(p));
    if (up.length === 0 && down.length === 0) break;
    await Promise.all([load('up', up), load('down', down)]);
  }
  const keys = new Set([start, ...[...edges.values()].flatMap((e) => [e.from, e.to])]);
  const projects = [...new Set([...keys].map(projectKeyOf))].filter((p) => view.visible.has(p));
  const nodes = await readParts(
    projects.flatMap((p) => partsOf(manifest, `nodes:${p}`)),
    GraphNodeSchema,
  );
  return { edges: [...edges.values()], nodes: new Map(nodes.map((n) => [n.key, n])) };
}
