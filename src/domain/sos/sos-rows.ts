/**
 * The Scrum of Scrums board (issue 14, DOMAIN.md "Scrum of Scrums"): one row per team with what slows it
 * down (items flagged or blocked by an open impediment, its open Team-level impediments), what it needs
 * from other teams and what they need from it (open cross-team dependencies), the conflicts it causes
 * (its prerequisite is planned after the dependant) and suffers, and what is new since the last meeting.
 * Pure: the caller passes only what the viewer may see.
 */

export interface SosImpedimentInput {
  key: string;
  summary: string;
  source: 'issue-type' | 'flag';
  team: string | null;
  level: string;
  enteredLevelMs: number | null;
  daysAtLevel: number | null;
  slaDays: number | null;
  breached: boolean;
}

export interface SosEdgeInput {
  /** `to` needs `from`. */
  from: string;
  to: string;
  status: 'conflict' | 'at-risk' | 'healthy' | 'unplanned';
}

export interface SosNodeInput {
  team: string | null;
  summary: string;
  statusName: string;
  statusCategory: 'new' | 'indeterminate' | 'done';
}

export interface SosInput {
  teams: readonly string[];
  teamLevel: string;
  impediments: readonly SosImpedimentInput[];
  blocks: ReadonlyArray<{ impediment: string; blocks: string }>;
  edges: readonly SosEdgeInput[];
  nodeOf: (key: string) => SosNodeInput | undefined;
  /** The team of an issue that is not a dependency node (a blocked item). */
  teamOf: (key: string) => string | null;
  sinceMs: number;
  /** What the board showed at the last meeting (see {@link baselineIds}); undefined without a mark. */
  baseline: ReadonlySet<string> | undefined;
}

export interface SosWait {
  prerequisite: string;
  prerequisiteTeam: string | null;
  prerequisiteStatus: string;
  prerequisiteCategory: 'new' | 'indeterminate' | 'done';
  dependant: string;
  dependantTeam: string | null;
  status: SosEdgeInput['status'];
}

export interface SosRow {
  team: string;
  blockedItems: Array<{ key: string; summary: string; reason: 'flag' | 'blocked'; blockedBy: string[] }>;
  teamImpediments: Array<Omit<SosImpedimentInput, 'team' | 'enteredLevelMs'>>;
  waitsFor: SosWait[];
  waitedOnBy: SosWait[];
  conflictsCaused: SosWait[];
  conflictsSuffered: SosWait[];
  newSince: Array<{ key: string; what: string }>;
}

export const waitId = (w: Pick<SosWait, 'prerequisite' | 'dependant'>) => `${w.prerequisite}>${w.dependant}`;

function waitOf(edge: SosEdgeInput, input: SosInput): SosWait {
  const pre = input.nodeOf(edge.from);
  return {
    prerequisite: edge.from,
    prerequisiteTeam: pre?.team ?? input.teamOf(edge.from),
    prerequisiteStatus: pre?.statusName ?? '',
    prerequisiteCategory: pre?.statusCategory ?? 'new',
    dependant: edge.to,
    dependantTeam: input.nodeOf(edge.to)?.team ?? input.teamOf(edge.to),
    status: edge.status,
  };
}

/** Flagged and blocked items, each once, with the impediments blocking it. */
function blockedItemsOf(input: SosInput) {
  const items = new Map<string, SosRow['blockedItems'][number] & { team: string | null }>();
  for (const i of input.impediments.filter((x) => x.source === 'flag'))
    items.set(i.key, { key: i.key, summary: i.summary, reason: 'flag', blockedBy: [], team: i.team });
  for (const b of input.blocks) {
    const item = items.get(b.blocks) ?? {
      key: b.blocks,
      summary: input.nodeOf(b.blocks)?.summary ?? '',
      reason: 'blocked' as const,
      blockedBy: [],
      team: input.teamOf(b.blocks),
    };
    item.blockedBy.push(b.impediment);
    items.set(b.blocks, item);
  }
  return [...items.values()];
}

/** Everything the board shows that has no date of its own, as ids a later board compares against. */
export function baselineIds(input: Omit<SosInput, 'baseline' | 'sinceMs'>): string[] {
  const ids = blockedItemsOf({ ...input, sinceMs: 0, baseline: undefined }).map(
    (i) => `${i.reason}:${i.key}`,
  );
  for (const e of input.edges) {
    const w = waitOf(e, { ...input, sinceMs: 0, baseline: undefined });
    if (w.prerequisiteTeam !== w.dependantTeam) ids.push(`wait:${waitId(w)}`);
    if (e.status === 'conflict') ids.push(`conflict:${waitId(w)}`);
  }
  return ids.sort();
}

function newSinceOf(team: string, row: Omit<SosRow, 'newSince'>, input: SosInput) {
  const found: SosRow['newSince'] = [];
  for (const i of input.impediments) {
    if (i.team !== team || i.source === 'flag') continue;
    if (i.enteredLevelMs === null || i.enteredLevelMs < input.sinceMs) continue;
    found.push({
      key: i.key,
      what: i.level === input.teamLevel ? `raised at ${i.level}` : `now at ${i.level}`,
    });
  }
  const base = input.baseline;
  if (!base) return found;
  for (const item of row.blockedItems) {
    if (base.has(`${item.reason}:${item.key}`)) continue;
    found.push({
      key: item.key,
      what: item.reason === 'flag' ? 'flagged' : `blocked by ${item.blockedBy.join(', ')}`,
    });
  }
  for (const w of row.conflictsSuffered)
    if (!base.has(`conflict:${waitId(w)}`))
      found.push({ key: w.dependant, what: `new conflict: needs ${w.prerequisite}, planned later` });
  for (const w of row.waitsFor)
    if (w.status !== 'conflict' && !base.has(`wait:${waitId(w)}`))
      found.push({ key: w.dependant, what: `now waits for ${w.prerequisite}` });
  return found;
}

export function sosRows(input: SosInput): SosRow[] {
  const blocked = blockedItemsOf(input);
  const waits = input.edges.map((e) => waitOf(e, input));
  const cross = waits.filter((w) => w.prerequisiteTeam !== w.dependantTeam);
  return input.teams.map((team) => {
    const row = {
      team,
      blockedItems: blocked.filter((b) => b.team === team).map(({ team: _t, ...item }) => item),
      teamImpediments: input.impediments
        .filter((i) => i.team === team && i.source === 'issue-type' && i.level === input.teamLevel)
        .map(({ team: _t, enteredLevelMs: _e, ...i }) => i),
      waitsFor: cross.filter((w) => w.dependantTeam === team),
      waitedOnBy: cross.filter((w) => w.prerequisiteTeam === team),
      conflictsCaused: waits.filter((w) => w.status === 'conflict' && w.prerequisiteTeam === team),
      conflictsSuffered: waits.filter((w) => w.status === 'conflict' && w.dependantTeam === team),
    };
    return { ...row, newSince: newSinceOf(team, row, input) };
  });
}
