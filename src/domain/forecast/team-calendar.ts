/**
 * A team's future sprints and capacity for the forecast (docs/DOMAIN.md "Forecast", rules 1 and 3):
 * - capacity is drawn from the story points completed in its last `sampleSprints` closed sprints;
 * - future sprints are its known active and future sprints ending after now, then projected ones at
 *   its cadence (the length of its most recent sprint) from the later of its last known sprint end
 *   and now. Sprint 1 is the first sprint that ends after now.
 */
import type { ProgramItem, ProgramSprint } from '../model/program-model';
import { teamVelocity } from '../horizon/team-velocity';

const DAY_MS = 86_400_000;
/** Only when the most recent sprint has no usable dates (Jira's default sprint length). */
const FALLBACK_CADENCE_MS = 14 * DAY_MS;

export interface TeamCalendar {
  team: string;
  /** Story points completed in each sampled closed sprint, oldest first. */
  samples: number[];
  cadenceMs: number;
  /** Start and end of sprint k + 1 at index k; `maxSprints` long (empty when unforecastable). */
  starts: Float64Array;
  ends: Float64Array;
  /** How many of the sprints are known to Jira (the rest are projected). */
  knownSprints: number;
  /** Why the team cannot be forecast, or undefined. */
  unforecastable: string | undefined;
}

function teamSprints(
  teamItems: readonly ProgramItem[],
  sprints: ReadonlyMap<number, ProgramSprint>,
): ProgramSprint[] {
  const seen = new Map<number, ProgramSprint>();
  for (const item of teamItems) {
    for (const id of item.sprintIds) {
      const sprint = sprints.get(id);
      if (sprint) seen.set(id, sprint);
    }
  }
  return [...seen.values()];
}

/** The length of the team's most recent started sprint (active, else the last closed one). */
function cadenceOf(known: readonly ProgramSprint[]): number {
  let recent: ProgramSprint | undefined;
  for (const sprint of known) {
    if (sprint.state === 'future' || sprint.startMs === undefined || sprint.endMs === undefined) continue;
    if (!recent || (recent.startMs ?? 0) < sprint.startMs) recent = sprint;
  }
  const length = recent ? (recent.endMs ?? 0) - (recent.startMs ?? 0) : 0;
  return length > 0 ? length : FALLBACK_CADENCE_MS;
}

export function teamCalendar(
  team: string,
  teamItems: readonly ProgramItem[],
  sprints: ReadonlyMap<number, ProgramSprint>,
  options: { sampleSprints: number; maxSprints: number; nowMs: number },
): TeamCalendar {
  const velocity = teamVelocity(teamItems, sprints, options.sampleSprints);
  const samples = velocity.sprints.map((s) => s.completedPoints);
  const known = teamSprints(teamItems, sprints);
  const cadenceMs = cadenceOf(known);
  if (!velocity.known) {
    return {
      team,
      samples,
      cadenceMs,
      starts: new Float64Array(0),
      ends: new Float64Array(0),
      knownSprints: 0,
      unforecastable: `team ${team} cannot be forecast: ${velocity.reason}`,
    };
  }
  const upcoming = known
    .filter((s) => s.state !== 'closed' && s.endMs !== undefined && s.endMs > options.nowMs)
    .sort((a, b) => (a.endMs ?? 0) - (b.endMs ?? 0) || (a.startMs ?? 0) - (b.startMs ?? 0) || a.id - b.id);
  let lastKnownEnd = -Infinity;
  for (const sprint of known) lastKnownEnd = Math.max(lastKnownEnd, sprint.endMs ?? -Infinity);
  const starts = new Float64Array(options.maxSprints);
  const ends = new Float64Array(options.maxSprints);
  const knownSprints = Math.min(upcoming.length, options.maxSprints);
  for (let k = 0; k < knownSprints; k++) {
    const sprint = upcoming[k];
    ends[k] = sprint?.endMs ?? 0;
    starts[k] = sprint?.startMs ?? (sprint?.endMs ?? 0) - cadenceMs;
  }
  const projectedFrom = Math.max(lastKnownEnd, options.nowMs);
  for (let k = knownSprints; k < options.maxSprints; k++) {
    starts[k] = projectedFrom + (k - knownSprints) * cadenceMs;
    ends[k] = projectedFrom + (k - knownSprints + 1) * cadenceMs;
  }
  return { team, samples, cadenceMs, starts, ends, knownSprints, unforecastable: undefined };
}
