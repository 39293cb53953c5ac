/**
 * The hourly auto-escalation (manifest: scheduledTrigger `metascrum-impediment-escalation`): escalates
 * every open impediment whose time at its level passed the level's SLA, as the app. Its own scheduled
 * trigger, apart from the hourly sync, so each keeps its 25 s. Forge may run it twice; the
 * compare-and-set on the history makes that harmless.
 */
import { clock } from '../clock';
import { JiraClient } from '../jira/client';
import { forgeTransport } from '../jira/forge-transport';
import { listProjectsWithStyle } from '../jira/impediment-provisioning-requests';
import { autoEscalate } from '../services/impediments/auto-escalation';
import { readProgramConfig } from '../storage/program-config';
import { forEachProgram } from '../services/programs/each-program';

export async function onImpedimentSchedule(): Promise<void> {
  const asApp = new JiraClient(forgeTransport('app'));
  // Each program escalates along its own ladder, over its own projects.
  await forEachProgram('impediment-auto-escalation', async (program) => {
    const config = await readProgramConfig();
    const projects =
      config.projects.length > 0 ? config.projects : (await listProjectsWithStyle(asApp)).map((p) => p.key);
    const report = await autoEscalate(asApp, config, projects, clock());
    console.log(JSON.stringify({ event: 'impediment-auto-escalation', programId: program.id, ...report }));
  });
}
