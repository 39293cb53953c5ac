/**
 * An issue's links to open impediments, from the stored analysis: what it blocks (when it is an open
 * impediment) and which open impediments block it, with the Jira ids needed to ask Jira, as the user,
 * which of them they may see.
 */
import type { ImpedimentBlockRecord } from '../../storage/analysis-schema';

export interface ImpedimentLinks {
  blocks: string[];
  blockedBy: string[];
  ids: Map<string, string>;
}

export function impedimentLinksOf(records: readonly ImpedimentBlockRecord[], key: string): ImpedimentLinks {
  const links: ImpedimentLinks = { blocks: [], blockedBy: [], ids: new Map() };
  for (const r of records) {
    if (r.impediment === key) {
      links.blocks.push(r.blocks);
      links.ids.set(r.blocks, r.blocksId);
    }
    if (r.blocks === key) {
      links.blockedBy.push(r.impediment);
      links.ids.set(r.impediment, r.impedimentId);
    }
  }
  return links;
}
