/**
 * The Scrum of Scrums board as one user may see it (issue 14): one row per team they may see, one row
 * per program the user sees a team of (the Scrum of Scrums of Scrums, this page's program first), and the "meeting held"
 * mark. "New since" counts from the last mark, else from the start of the last working day.
 */
import type { ProgramConfig } from '../../domain/config/program-config';
import { lastWorkingDayStart } from '../../domain/sos/working-day';
import { sosRows, type SosRow } from '../../domain/sos/sos-rows';
import type { JiraClient } from '../../jira/client';
import type { EscalateRight, SosBoard, SosImpediment, SosMeeting } from '../../shared/contract';
import { readSosMeeting } from '../../storage/sos-meeting';
import { analysisViewFor, redactKeys, sees, type AnalysisView } from '../analysis/analysis-view';
import { programRecordFor } from '../panel/board';
import { currentProgramId, withProgram } from '../../storage/program-scope';
import { readProgramConfig } from '../../storage/program-config';
import { listPrograms } from '../programs/program-directory';
import type { Viewer } from '../viewer';
import { escalateRights } from '../impediments/escalate-rights';
import { resolveOwner } from '../impediments/ladder-owners';
import { sosInputs } from './sos-inputs';
import { baselineSummary, currentSummary } from './sos-summaries';
import { teamChanges } from '../../domain/sos/summary-changes';
import type { DailySummary } from '../../domain/history/daily-summary';

const sideOf = (s: DailySummary, team: string) => ({
  levels: s.levels,
  team: s.teams.find((t) => t.team === team),
});

/** The stored summary "since" compares with, and now; undefined when no summary covers "since". */
async function summariesToCompare(view: AnalysisView, nowMs: number, heldAtMs: number | undefined) {
  if (!view.manifest) return undefined;
  const before = await baselineSummary(nowMs, heldAtMs);
  if (!before) return undefined;
  return { before, now: await currentSummary(view.manifest, nowMs) };
}

/** An impediment the board does not know (it left the analysis meanwhile): nothing to offer. */
const NOT_ESCALATABLE: EscalateRight = { allowed: false, reason: 'It is no longer an open impediment.' };

export function meetingOf(stored: Awaited<ReturnType<typeof readSosMeeting>>): SosMeeting {
  return {
    version: stored?.version ?? 0,
    heldAt: stored?.body.heldAt ?? null,
    heldBy: stored?.body.heldBy ?? null,
  };
}

/**
 * The SoS Master: the Scrum of Scrums level's owner when the ladder names a user; otherwise (no owner,
 * or a group, whose membership the app does not read) anyone who sees every team of the program.
 */
export async function isSosMaster(
  viewer: Viewer,
  asApp: JiraClient,
  config: ProgramConfig,
  view: AnalysisView,
): Promise<boolean> {
  if (!viewer.accountId) return false;
  const sos = config.impediments.levels[1];
  const owner = await resolveOwner(asApp, sos?.owner, viewer.now, sos?.ownerKind);
  if (owner?.kind === 'user') return owner.id === viewer.accountId;
  // "Sees every team": every project the analysis covers, configured or not.
  const analysed = analysedProjects(view);
  return (
    view.scope.hiddenProjectCount === 0 &&
    analysed.size > 0 &&
    [...analysed].every((p) => view.visible.has(p))
  );
}

export function analysedProjects(view: AnalysisView): Set<string> {
  return new Set((view.manifest?.parts ?? []).flatMap((p) => p.partition.split(':').slice(1, 2)));
}

function programRow(
  name: string,
  rows: readonly SosRow[],
  escalated: SosBoard['programs'][number]['escalated'],
) {
  const waits = new Set(rows.flatMap((r) => r.waitsFor.map((w) => `${w.prerequisite}>${w.dependant}`)));
  const conflicts = new Set(
    rows
      .flatMap((r) => [...r.conflictsCaused, ...r.conflictsSuffered])
      .map((w) => `${w.prerequisite}>${w.dependant}`),
  );
  return {
    program: name,
    teams: rows.length,
    blockedItems: rows.reduce((n, r) => n + r.blockedItems.length, 0),
    teamImpediments: rows.reduce((n, r) => n + r.teamImpediments.length, 0),
    escalated,
    crossTeamWaits: waits.size,
    conflicts: conflicts.size,
    newSince: rows.reduce((n, r) => n + r.newSince.length, 0),
  };
}

/** The team rows of the program in scope, as `viewer` may see them, and what they were computed from. */
async function teamRowsOf(viewer: Viewer, config: ProgramConfig, view: AnalysisView) {
  const [program, stored] = await Promise.all([programRecordFor(view), readSosMeeting()]);
  const teamLevel = config.impediments.levels[0]?.name ?? 'Team';
  const heldMs = stored ? Date.parse(stored.body.heldAt) : NaN;
  const sinceMs = Number.isNaN(heldMs) ? lastWorkingDayStart(viewer.now) : heldMs;
  const inputs = view.manifest
    ? await sosInputs(view.manifest, view.visible, teamLevel, viewer.now, (key) => sees(view, key))
    : undefined;
  const knownTeams = new Set(program.teams.map((t) => t.team));
  for (const i of inputs?.impediments ?? []) if (i.team) knownTeams.add(i.team);
  // Teams are projects by default; with a team field, a team is shown when the user sees its work.
  const order = view.scope.visibleProjects.map((p) => p.key);
  const rank = (t: string) => (order.includes(t) ? order.indexOf(t) : order.length);
  const teams = [...knownTeams]
    .filter((t) => view.visible.has(t) || (inputs?.impediments ?? []).some((i) => i.team === t))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const rows = inputs
    ? sosRows({ ...inputs, teams, sinceMs, baseline: stored ? new Set(stored.body.baseline) : undefined })
    : [];
  const escalated = (inputs?.impediments ?? []).filter(
    (i) => i.source === 'issue-type' && i.level !== teamLevel,
  );
  return { stored, teamLevel, heldMs, sinceMs, inputs, rows, escalated };
}

/** Only the contract's fields: the stored record's owner and id stay on the server. */
function impedimentOf(
  { key, summary, source, level, daysAtLevel, slaDays, breached }: Omit<SosImpediment, 'escalate'>,
  escalate: EscalateRight,
): SosImpediment {
  return { key, summary, source, level, daysAtLevel, slaDays, breached, escalate };
}

/**
 * The Scrum of Scrums of Scrums' rows for the site's other programs that `viewer` sees a team of, each
 * read from that program's own analysis and redacted by the same rule. Their impediments are escalated
 * from their own program's board, where the rights are checked.
 */
async function otherProgramRows(viewer: Viewer): Promise<SosBoard['programs']> {
  const current = currentProgramId();
  const rows: SosBoard['programs'] = [];
  for (const other of (await listPrograms()).filter((p) => p.id !== current)) {
    const row = await withProgram(other.id, async () => {
      const view = await analysisViewFor(viewer);
      if (!view.manifest || view.scope.visibleProjects.length === 0) return undefined;
      const team = await teamRowsOf(viewer, await readProgramConfig(), view);
      const elsewhere = { allowed: false, reason: `Escalate it from the ${view.scope.name} board.` };
      return programRow(
        view.scope.name,
        team.rows,
        team.escalated.map((i) => impedimentOf(i, elsewhere)),
      );
    });
    if (row) rows.push(row);
  }
  return rows;
}

export async function sosBoard(viewer: Viewer, asApp: JiraClient, config: ProgramConfig): Promise<SosBoard> {
  const view = await analysisViewFor(viewer);
  const [team, canMark, others] = await Promise.all([
    teamRowsOf(viewer, config, view),
    isSosMaster(viewer, asApp, config, view),
    otherProgramRows(viewer),
  ]);
  const { stored, teamLevel, heldMs, sinceMs, inputs, rows } = team;
  const summaries = await summariesToCompare(view, viewer.now, Number.isNaN(heldMs) ? undefined : heldMs);
  const records = new Map((inputs?.impediments ?? []).map((i) => [i.key, i]));
  const rights = await escalateRights(
    viewer,
    [...records.values()].map(({ key, source }) => ({
      key,
      id: inputs?.impedimentIds.get(key) ?? '',
      source,
    })),
    view.manifest?.version ?? '',
  );
  const rightOf = (key: string) => rights.get(key) ?? NOT_ESCALATABLE;
  const impediment = (i: Omit<SosImpediment, 'escalate'>) => impedimentOf(i, rightOf(i.key));
  return {
    programName: view.scope.name,
    hiddenProjectCount: view.scope.hiddenProjectCount,
    hiddenIssueCount: view.hiddenKeys.size,
    analysisState: view.analysis.state,
    since: {
      at: new Date(sinceMs).toISOString(),
      basis: stored ? 'meeting' : 'last-working-day',
      summaryDay: summaries?.before.day ?? null,
    },
    baselineKnown: stored !== undefined,
    meeting: meetingOf(stored),
    canMarkMeeting: canMark,
    teamLevel,
    teams: rows.map((r) => ({
      ...r,
      blockedItems: r.blockedItems.map((b) => ({
        ...b,
        escalate: b.reason === 'flag' ? rightOf(b.key) : null,
      })),
      teamImpediments: r.teamImpediments.map((i) => impediment(i)),
      newSince: r.newSince.map((n) => ({ key: n.key, what: redactKeys(view, n.what) })),
      changesSince: summaries
        ? teamChanges(sideOf(summaries.before, r.team), sideOf(summaries.now, r.team))
        : [],
    })),
    // This page's program first, then the site's other programs the user sees a team of.
    programs: [
      programRow(
        view.scope.name,
        rows,
        team.escalated.map((i) => impediment(i)),
      ),
      ...others,
    ],
  };
}
