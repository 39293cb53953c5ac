/**
 * The SoS Master marks the meeting held: the mark keeps when, who, and what the whole board showed
 * (as the app, every team), so that "new since" on everyone's board counts from this meeting.
 * Written by compare-and-set on the version the Master saw.
 */
import type { ProgramConfig } from '../../domain/config/program-config';
import { baselineIds } from '../../domain/sos/sos-rows';
import { getMyself } from '../../jira/reads';
import type { JiraClient } from '../../jira/client';
import type { SosMeeting } from '../../shared/contract';
import { programRecordFor } from '../panel/board';
import { BASELINE_LIMIT, readSosMeeting, writeSosMeeting } from '../../storage/sos-meeting';
import { analysisViewFor } from '../analysis/analysis-view';
import { NotAllowed, VersionConflict } from '../errors';
import type { Viewer } from '../viewer';
import { analysedProjects, isSosMaster, meetingOf } from './sos-board';
import { sosInputs } from './sos-inputs';

export async function markMeetingHeld(
  viewer: Viewer,
  asApp: JiraClient,
  config: ProgramConfig,
  baseVersion: number,
): Promise<SosMeeting> {
  const view = await analysisViewFor(viewer);
  if (!viewer.accountId || !(await isSosMaster(viewer, asApp, config, view)))
    throw new NotAllowed('Only the SoS Master (the Scrum of Scrums level owner) can mark the meeting held.');
  const current = await readSosMeeting();
  if ((current?.version ?? 0) !== baseVersion)
    throw new VersionConflict('Someone marked the meeting meanwhile. Reload the board.', meetingOf(current));
  let ids: string[] = [];
  if (view.manifest) {
    const program = await programRecordFor(view);
    // Every project of the analysis: the mark is shared, each reader's board filters it again.
    const projects = analysedProjects(view);
    const teamLevel = config.impediments.levels[0]?.name ?? 'Team';
    const inputs = await sosInputs(view.manifest, projects, teamLevel, viewer.now);
    ids = baselineIds({ ...inputs, teams: program.teams.map((t) => t.team) });
  }
  const me = await getMyself(viewer.asUser);
  const written = await writeSosMeeting(baseVersion, {
    heldAt: new Date(viewer.now).toISOString(),
    heldBy: { accountId: viewer.accountId, displayName: me.displayName ?? viewer.accountId },
    baseline: ids.slice(0, BASELINE_LIMIT),
    truncated: ids.length > BASELINE_LIMIT,
  });
  if (!written)
    throw new VersionConflict(
      'Someone marked the meeting meanwhile. Reload the board.',
      meetingOf(await readSosMeeting()),
    );
  return meetingOf(written);
}
