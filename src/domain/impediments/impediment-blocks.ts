/**
 * What each open impediment blocks: its links to open work (DOMAIN.md "Readiness": not blocked by an
 * open impediment). The readiness rule and the issue panel read the same pairs, so the impediment shows
 * what it blocks and the blocked item counts it among its open blockers.
 */
import type { ProgramModel } from '../model/program-model';
import { compareIssueKeys } from '../priority/metascrum-order';

export interface ImpedimentBlock {
  impediment: string;
  /** The open item it blocks. */
  blocks: string;
}

export function openImpedimentBlocks(model: ProgramModel): ImpedimentBlock[] {
  const blocks: ImpedimentBlock[] = [];
  for (const link of model.impedimentLinks) {
    const blocker = model.items[link.from];
    const blocked = model.items[link.to];
    if (blocker?.kind !== 'impediment' || blocker.done || !blocked || blocked.done) continue;
    blocks.push({ impediment: blocker.key, blocks: blocked.key });
  }
  return blocks.sort(
    (a, b) => compareIssueKeys(a.impediment, b.impediment) || compareIssueKeys(a.blocks, b.blocks),
  );
}
