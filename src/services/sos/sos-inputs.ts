/**
 * What the Scrum of Scrums board reads from the stored analysis, limited to the projects `sees` allows:
 * open impediments (aged to now), what they block, and the open dependencies between teams with their
 * prerequisite's status. A dependency or block with one end in a hidden project is left out entirely
 * (the rule of every surface: nothing of a hidden project, or hidden by issue security, is named).
 */
import { projectKeyOf } from '../../domain/issue-key';
import type { SosInput } from '../../domain/sos/sos-rows';
import {
  GraphEdgeSchema,
  GraphNodeSchema,
  ImpedimentBlockRecordSchema,
  ImpedimentRecordSchema,
  ItemRecordSchema,
  type AnalysisManifest,
} from '../../storage/analysis-schema';
import { partsOf, readParts } from '../../storage/analysis-store';
import { agedImpediment } from '../analysis/impediment-ages';

const inProjects = (manifest: AnalysisManifest, partition: string, projects: ReadonlySet<string>) =>
  manifest.parts.filter((p) => {
    const [name, project] = p.partition.split(':');
    return name === partition && project !== undefined && projects.has(project);
  });

export async function sosInputs(
  manifest: AnalysisManifest,
  projects: ReadonlySet<string>,
  teamLevel: string,
  nowMs: number,
  /** The viewer's rule (analysis-view.ts `sees`: browsable project, no hiding security level). */
  sees: (key: string) => boolean = (key) => projects.has(projectKeyOf(key)),
): Promise<
  Omit<SosInput, 'teams' | 'sinceMs' | 'baseline'> & {
    /** Each shown impediment's Jira id ('' in analyses stored before ids), to check rights as the user. */
    impedimentIds: ReadonlyMap<string, string>;
  }
> {
  const [impediments, blocks, edges, nodes] = await Promise.all([
    readParts(partsOf(manifest, 'impediments'), ImpedimentRecordSchema),
    readParts(partsOf(manifest, 'impediment-blocks'), ImpedimentBlockRecordSchema),
    readParts(inProjects(manifest, 'edges-in', projects), GraphEdgeSchema),
    readParts(inProjects(manifest, 'nodes', projects), GraphNodeSchema),
  ]);
  const shownBlocks = blocks.filter((b) => sees(b.impediment) && sees(b.blocks));
  const nodeByKey = new Map(nodes.map((n) => [n.key, n]));
  // Blocked items that take part in no dependency: their team comes from the readiness records.
  const missing = new Set(shownBlocks.map((b) => b.blocks).filter((k) => !nodeByKey.has(k)));
  const itemProjects = new Set([...missing].map(projectKeyOf));
  const items = missing.size
    ? await readParts(inProjects(manifest, 'items', itemProjects), ItemRecordSchema)
    : [];
  const itemTeam = new Map(items.filter((i) => missing.has(i.key)).map((i) => [i.key, i.team]));
  const shown = impediments.filter((i) => sees(i.key));
  return {
    teamLevel,
    impediments: shown.map((i) => agedImpediment(i, nowMs)),
    impedimentIds: new Map(shown.map((i) => [i.key, i.id])),
    blocks: shownBlocks.map((b) => ({ impediment: b.impediment, blocks: b.blocks })),
    edges: edges.filter((e) => sees(e.from) && sees(e.to)),
    nodeOf: (key) => nodeByKey.get(key),
    teamOf: (key) => nodeByKey.get(key)?.team ?? itemTeam.get(key) ?? projectKeyOf(key),
  };
}
