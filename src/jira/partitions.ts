/**
 * Cuts the program into fetch partitions of exactly one page each. A census (ids and keys only, 5000 per
 * page) tells the gateway every issue the program holds, ordered by project and key; slicing that list
 * into runs of 100 packs small projects together (a run may span the end of one project and the start
 * of the next) and splits a dominant project into key ranges. Every partition but the last is a full
 * page, so the request count stays at the floor ceil(issues / 100), and partitions are independent, so
 * a bounded pool fetches them in parallel whatever the projects' sizes.
 */

import { projectKeyOf } from '../domain/issue-key';

export interface CensusEntry {
  id: string;
  key: string;
}

export interface Partition {
  /** Readable scope for progress and partial-data reasons, e.g. "PAY-101..PAY-200". */
  label: string;
  ids: string[];
}

function labelFor(entries: readonly CensusEntry[]): string {
  const runs: string[] = [];
  let start: CensusEntry | undefined;
  let previous: CensusEntry | undefined;
  for (const entry of entries) {
    if (!start || !previous || projectKeyOf(entry.key) !== projectKeyOf(previous.key)) {
      if (start && previous) runs.push(start === previous ? start.key : `${start.key}..${previous.key}`);
      start = entry;
    }
    previous = entry;
  }
  if (start && previous) runs.push(start === previous ? start.key : `${start.key}..${previous.key}`);
  return runs.join(', ');
}

/**
 * Slices census entries into partitions as they arrive. `add` returns the partitions that became full;
 * `flush` returns the rest once the census is complete.
 */
export class PartitionCutter {
  private pending: CensusEntry[] = [];

  constructor(private readonly pageSize: number) {}

  add(entries: readonly CensusEntry[]): Partition[] {
    this.pending.push(...entries);
    const full: Partition[] = [];
    while (this.pending.length >= this.pageSize) full.push(this.cut(this.pageSize));
    return full;
  }

  flush(): Partition[] {
    return this.pending.length > 0 ? [this.cut(this.pending.length)] : [];
  }

  private cut(size: number): Partition {
    const entries = this.pending.splice(0, size);
    return { label: labelFor(entries), ids: entries.map((e) => e.id) };
  }
}
