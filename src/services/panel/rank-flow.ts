/**
 * "Flow rank to team backlogs": the engine's fewest rank moves per team (stored with the analysis),
 * previewed, then applied as the user through `PUT /rest/agile/1.0/issue/rank` (<= 50 issues per call:
 * a longer stored operation is cut by {@link rankBodies}), after checking as the user that they hold
 * Schedule issues on every issue it moves. Jira answers 204 when every issue moved and 207 when some did not; the app's Jira client gives the status only, so after a 207 the issues of that call are
 * ranked one by one (same anchor, same order: repeating a rank move is harmless) to learn which failed.
 */
import type { JiraClient } from '../../jira/client';
import { bulkFetchIssues } from '../../jira/bulk-fetch';
import { JiraError } from '../../jira/errors';
import { rankBodies, RANK_PATH, type RankBody } from '../../jira/rank';
import type { RankFlow, RankFlowResult } from '../../shared/contract';
import { RankOperationRecordSchema, type RankOperationRecord } from '../../storage/analysis-schema';
import { readParts } from '../../storage/analysis-store';
import { allVisible, analysisViewFor, type AnalysisView } from '../analysis/analysis-view';
import { requirePermissions } from '../acting-as-user';
import { InvalidInput } from '../errors';
import { requestTargetedRefresh } from '../snapshot/snapshot-requests';
import type { Viewer } from '../viewer';

const NO_ANCHOR = 'The stored rank move names no issue to rank next to; run the analysis again.';
const FAILED = 'Jira did not rank it (no permission to rank this issue, or it no longer exists).';

async function visibleOperations(view: AnalysisView): Promise<RankOperationRecord[]> {
  const parts = (view.manifest?.parts ?? []).filter((p) => p.partition.startsWith('rank:'));
  const ops = await readParts(parts, RankOperationRecordSchema);
  return ops.filter((op) =>
    allVisible(view, [
      ...op.issues,
      ...[op.rankBeforeIssue, op.rankAfterIssue].filter((k) => k !== undefined),
    ]),
  );
}

function groupByTeam(ops: readonly RankOperationRecord[]): Map<string, RankOperationRecord[]> {
  const teams = new Map<string, RankOperationRecord[]>();
  for (const op of ops) teams.set(op.team, [...(teams.get(op.team) ?? []), op]);
  return teams;
}

export async function previewRankFlow(viewer: Viewer): Promise<RankFlow> {
  const view = await analysisViewFor(viewer);
  const teams = [...groupByTeam(await visibleOperations(view))].map(([team, ops]) => ({
    team,
    moves: ops.reduce((n, op) => n + op.issues.length, 0),
    operations: ops.map(({ team: _team, ...op }) => op),
  }));
  return { teams: teams.sort((a, b) => a.team.localeCompare(b.team)), analysis: view.analysis };
}

function withIssues(body: RankBody, issues: string[]): RankBody {
  return 'rankBeforeIssue' in body
    ? { issues, rankBeforeIssue: body.rankBeforeIssue }
    : { issues, rankAfterIssue: body.rankAfterIssue };
}

async function rank(asUser: JiraClient, body: RankBody): Promise<number> {
  return asUser.sendWithoutReply({ method: 'PUT', path: RANK_PATH, body });
}

/** Applies one rank call; returns the issues ranked and those Jira refused. */
async function applyBody(asUser: JiraClient, body: RankBody) {
  const ranked: string[] = [];
  const failed: Array<{ issue: string; message: string }> = [];
  try {
    if ((await rank(asUser, body)) !== 207) return { ranked: body.issues, failed };
  } catch (error) {
    if (!(error instanceof JiraError)) throw error;
    return { ranked, failed: body.issues.map((issue) => ({ issue, message: error.message })) };
  }
  // Placing each issue right after the same anchor reverses them, so walk those in reverse.
  const sequence = 'rankBeforeIssue' in body ? body.issues : [...body.issues].reverse();
  for (const issue of sequence) {
    try {
      if ((await rank(asUser, withIssues(body, [issue]))) === 207) failed.push({ issue, message: FAILED });
      else ranked.push(issue);
    } catch (error) {
      if (!(error instanceof JiraError)) throw error;
      failed.push({ issue, message: error.message });
    }
  }
  return { ranked, failed };
}

/** Applies one operation, in calls of at most 50 issues; returns the issues ranked and those refused. */
async function applyOperation(asUser: JiraClient, op: RankOperationRecord) {
  const ranked: string[] = [];
  const failed: Array<{ issue: string; message: string }> = [];
  if (op.rankBeforeIssue === undefined && op.rankAfterIssue === undefined) {
    return { ranked, failed: op.issues.map((issue) => ({ issue, message: NO_ANCHOR })) };
  }
  for (const body of rankBodies(op)) {
    const outcome = await applyBody(asUser, body);
    ranked.push(...outcome.ranked);
    failed.push(...outcome.failed);
  }
  return { ranked, failed };
}

/**
 * Jira ranks only issues the user holds Schedule issues on: check every issue of every chosen team
 * first (as the user), so a refusal ranks nothing rather than some teams. Ids come from a bulk read as
 * the user; an issue it no longer returns is left to Jira's own per-issue answer.
 */
async function requireScheduleRight(asUser: JiraClient, ops: readonly RankOperationRecord[]) {
  const keys = [...new Set(ops.flatMap((op) => op.issues))];
  const { issues } = await bulkFetchIssues(asUser, keys, ['summary']);
  const acted = issues.map(({ id, key }) => ({ id, key }));
  await requirePermissions(asUser, ['SCHEDULE_ISSUES'], acted, 'rank it');
}

export async function applyRankFlow(viewer: Viewer, teams: readonly string[]): Promise<RankFlowResult> {
  const view = await analysisViewFor(viewer);
  const byTeam = groupByTeam(await visibleOperations(view));
  teams.forEach((team, i) => {
    if (!byTeam.has(team)) throw new InvalidInput(`teams.${i}`, `${team} has no rank moves to apply`);
  });
  await requireScheduleRight(
    viewer.asUser,
    teams.flatMap((team) => byTeam.get(team) ?? []),
  );
  const results: RankFlowResult['teams'] = [];
  for (const team of teams) {
    const ops = byTeam.get(team) ?? [];
    const outcome = {
      team,
      operations: ops.length,
      ranked: [] as string[],
      failed: [] as RankFlowResult['teams'][number]['failed'],
    };
    for (const op of ops) {
      const { ranked, failed } = await applyOperation(viewer.asUser, op);
      outcome.ranked.push(...ranked);
      outcome.failed.push(...failed);
    }
    results.push(outcome);
  }
  // The app refreshes its own writes: exactly the issues it ranked, then the analysis.
  await requestTargetedRefresh(
    results.flatMap((r) => r.ranked),
    'refresh',
    viewer.now,
  );
  return { teams: results };
}
