/**
 * Programs for the forecast tests: teams with a board, a cadence, closed sprints whose completed
 * points are the capacity samples, and an active sprint; open stories and links come from the test.
 */
import { NOW, program, type IssueSpec, type SprintJson } from '../program-fixtures';
import { ProgramAnalyser } from '../../../src/domain/analyse-program';
import type { ProgramConfigInput } from '../../../src/domain/config/program-config';

export const DAY = 86_400_000;
export const NOW_MS = Date.parse(NOW);
/** `YYYY-MM-DD` of NOW + days. */
export const dayAfterNow = (days: number) => new Date(NOW_MS + days * DAY).toISOString().slice(0, 10);

export interface TeamSpec {
  key: string;
  board: number;
  cadenceDays: number;
  /** Story points completed in each closed sprint, oldest first (one done story each). */
  completed: number[];
  /** Start of the active sprint, in days from NOW (negative: it started already). */
  activeStartDay: number;
}

function sprintJson(id: number, board: number, state: SprintJson['state'], startDay: number, days: number) {
  return {
    id,
    name: `Sprint ${id}`,
    state,
    boardId: board,
    startDate: new Date(NOW_MS + startDay * DAY).toISOString(),
    endDate: new Date(NOW_MS + (startDay + days) * DAY).toISOString(),
  };
}

/** The team's active sprint (for open items placed in it) and the done stories that make its velocity. */
export function team(spec: TeamSpec): { active: SprintJson; history: IssueSpec[] } {
  const m = spec.completed.length;
  const active = sprintJson(
    spec.board * 100 + m,
    spec.board,
    'active',
    spec.activeStartDay,
    spec.cadenceDays,
  );
  const history = spec.completed.map((points, j): IssueSpec => {
    const startDay = spec.activeStartDay - (m - j) * spec.cadenceDays;
    const closed = sprintJson(spec.board * 100 + j, spec.board, 'closed', startDay, spec.cadenceDays);
    return {
      key: `${spec.key}-${900 + j}`,
      status: 'done',
      points,
      // The last one also lists the active sprint (as a Jira issue shows every sprint it was in), so
      // the team knows its active sprint even when no open item is in it.
      sprints: j === m - 1 ? [closed, active] : [closed],
      resolved: new Date(NOW_MS + (startDay + 1) * DAY).toISOString(),
    };
  });
  return { active, history };
}

/** Analyses and forecasts a program of teams, open issues and `[prerequisite, dependant]` links. */
export function forecastOf(
  teams: readonly TeamSpec[],
  issues: readonly IssueSpec[],
  blocks: ReadonlyArray<readonly [string, string]> = [],
  config: ProgramConfigInput = {},
) {
  const history = teams.flatMap((t) => team(t).history);
  const input = program([...history, ...issues], blocks);
  return new ProgramAnalyser(config, input).addIssues(input.issues).analyseAndForecast({ now: NOW });
}
