import type { Dataset } from '../dataset/schema';
import { loadDataset } from '../dataset/load-dataset';
import { FIELD, ISSUE_TYPES, adf } from '../demo/jira-catalog';
import { DAY, ProgramBuilder, type Team } from '../demo/program-builder';

export interface SyntheticOptions {
  /** Total issue count, epics included. */
  issues: number;
  teams: number;
  seed: number;
  epicsPerTeam?: number;
}

/** mulberry32, so the same seed gives the same program. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOW_MS = Date.parse('2026-11-20T09:00:00.000Z');
const POINTS = [1, 2, 3, 5, 8, 13];
const DESCRIPTION = adf('Generated backlog item.');

function teamKey(i: number): string {
  let key = '';
  let n = i;
  do {
    key = String.fromCharCode(65 + (n % 26)) + key;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return `T${key}`;
}

/**
 * A program of any size with the demo's shapes: per team, epics then stories spread over the team's
 * sprints and backlog, plus random cross-team Blocks links (about one per 20 issues). Nested values
 * that never change (description, statuses) are shared to keep 100k issues light.
 */
export function syntheticProgram(opts: SyntheticOptions): Dataset {
  const random = rng(opts.seed);
  const epicsPerTeam = opts.epicsPerTeam ?? 10;
  const b = new ProgramBuilder(NOW_MS);
  const teams: Team[] = [];
  for (let t = 0; t < opts.teams; t++) {
    teams.push(b.addTeam(teamKey(t), `Team ${teamKey(t)}`, 1 + (t % 3), 1 + (t % 6)));
  }
  const perTeam = Math.max(epicsPerTeam + 1, Math.floor(opts.issues / opts.teams));
  const storyKeys: string[][] = teams.map(() => []);
  teams.forEach((team, t) => {
    const count = t === teams.length - 1 ? opts.issues - perTeam * (teams.length - 1) : perTeam;
    for (let e = 0; e < epicsPerTeam; e++) {
      b.addIssue({
        team,
        type: ISSUE_TYPES.epic,
        summary: `${team.key} epic ${e + 1}`,
        status: 'inProgress',
        createdMs: NOW_MS - 200 * DAY,
        updatedMs: NOW_MS - 20 * DAY,
        extra: { [FIELD.businessValue]: 1 + (e % 8), [FIELD.jobSize]: 1 + (e % 5) },
      });
    }
    for (let i = 0; i < count - epicsPerTeam; i++) {
      const slot = Math.floor(random() * 8);
      const sprint = slot < 6 ? team.sprints[slot] : undefined;
      const done = sprint?.state === 'closed' || (sprint?.state === 'active' && random() < 0.3);
      const createdMs = NOW_MS - (30 + Math.floor(random() * 150)) * DAY;
      const resolvedMs = done ? Date.parse(sprint?.endDate ?? '') - DAY : undefined;
      const points = random() < 0.1 ? undefined : POINTS[Math.floor(random() * POINTS.length)];
      const key = b.addIssue({
        team,
        type: ISSUE_TYPES.story,
        summary: `${team.key} story ${i + 1}`,
        status: done ? 'done' : 'todo',
        parentKey: `${team.key}-${1 + Math.floor(random() * epicsPerTeam)}`,
        sprints: sprint ? [sprint] : [],
        createdMs,
        updatedMs: Math.min(resolvedMs ?? createdMs + DAY, NOW_MS),
        resolvedMs: resolvedMs === undefined ? undefined : Math.min(resolvedMs, NOW_MS),
        extra: { description: DESCRIPTION, ...(points === undefined ? {} : { [FIELD.storyPoints]: points }) },
      });
      storyKeys[t]?.push(key);
    }
  });
  const linkCount = Math.floor(opts.issues / 20);
  for (let l = 0; l < linkCount && teams.length > 1; l++) {
    const a = Math.floor(random() * teams.length);
    const c = (a + 1 + Math.floor(random() * (teams.length - 1))) % teams.length;
    const from = storyKeys[a]?.[Math.floor(random() * (storyKeys[a]?.length ?? 0))];
    const to = storyKeys[c]?.[Math.floor(random() * (storyKeys[c]?.length ?? 0))];
    if (from !== undefined && to !== undefined) b.link(from, to);
  }
  return loadDataset(
    b.build([
      {
        accountId: 'admin',
        displayName: 'Ada Admin',
        emailAddress: 'admin@synthetic.example',
        active: true,
        admin: true,
        browse: '*',
      },
    ]),
  );
}
