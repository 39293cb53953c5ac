/**
 * Lays out the epic dependency map with dagre (@dagrejs/dagre, the maintained fork): epics grouped by
 * team as compound nodes, prerequisites to the left of what needs them. Kept in the map's lazy chunk.
 */
// The attribute lets the CommonJS test build name dagre's (ES module) types; the bundle is unaffected.
import type * as DagreModule from '@dagrejs/dagre' with { 'resolution-mode': 'import' };
import type { DependencyMap } from '../../../../src/shared/contract';
import { routeAroundBoxes, type Box } from './edgeDetours';

export const NODE_W = 150;
export const NODE_H = 44;

export interface PlacedNode {
  key: string;
  x: number;
  y: number;
}
export interface PlacedTeam {
  team: string;
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface PlacedEdge {
  from: string;
  to: string;
  points: Array<{ x: number; y: number }>;
}

/** dagre itself, passed in: the view imports it in the lazy map chunk, a test loads it as CommonJS. */
export type Dagre = typeof DagreModule;

export function layoutMap(map: DependencyMap, { graphlib, layout }: Dagre) {
  const g = new graphlib.Graph<DagreModule.GraphLabel, DagreModule.NodeLabel, DagreModule.EdgeLabel>({
    compound: true,
    multigraph: false,
  });
  g.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 70, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  // Team groups are compound nodes: dagre sizes them around their epics.
  for (const team of new Set(map.nodes.map((n) => n.team)))
    g.setNode(`team:${team}`, { width: 0, height: 0 });
  for (const n of map.nodes) {
    g.setNode(n.key, { width: NODE_W, height: NODE_H });
    g.setParent(n.key, `team:${n.team}`);
  }
  for (const e of map.edges) g.setEdge(e.from, e.to);
  layout(g);
  const nodes: PlacedNode[] = map.nodes.map((n) => {
    const placed = g.node(n.key);
    return { key: n.key, x: placed.x ?? 0, y: placed.y ?? 0 };
  });
  const teams: PlacedTeam[] = [...new Set(map.nodes.map((n) => n.team))].map((team) => {
    const t = g.node(`team:${team}`);
    return { team, x: t.x ?? 0, y: t.y ?? 0, width: t.width ?? 0, height: t.height ?? 0 };
  });
  const boxes: Box[] = nodes.map((n) => ({
    key: n.key,
    left: n.x - NODE_W / 2,
    right: n.x + NODE_W / 2,
    top: n.y - NODE_H / 2,
    bottom: n.y + NODE_H / 2,
  }));
  // An edge must never seem to pass through an epic it does not join (see edgeDetours.ts).
  const edges: PlacedEdge[] = map.edges.map((e) => ({
    from: e.from,
    to: e.to,
    points: routeAroundBoxes(
      g.edge(e.from, e.to).points ?? [],
      boxes.filter((b) => b.key !== e.from && b.key !== e.to),
    ),
  }));
  const graph = g.graph();
  return { nodes, teams, edges, width: graph.width ?? 0, height: graph.height ?? 0 };
}
