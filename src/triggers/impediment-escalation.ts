/**
 * The hourly auto-escalation (manifest: scheduledTrigger `metascrum-impediment-escalation`): escalates
 * every open impediment whose time at its level passed the level's SLA, as the app. Its own scheduled
 * trigger, apart from the hourly sync, so each keeps its 25 s. Forge may run it twice; the
 * compare-and-set on the history makes that harmless.
 * Each program escalates along its own ladder. A project in several programs is escalated automatically
 * by the first of them (registry order) only, so two ladders never move the same impediment; people
 * escalate it within the program they choose.
 */
import { clock } from '../clock';
import { JiraClient } from '../jira/client';
import { forgeTransport } from '../jira/forge-transport';
import { listProjectsWithStyle } from '../jira/impediment-provisioning-requests';
import { autoEscalate } from '../services/impediments/auto-escalation';
import { forEachProgram } from '../services/programs/each-program';
import { readProgramConfig } from '../storage/program-config';

export async function onImpedimentSchedule(): Promise<void> {
  const asApp = new JiraClient(forgeTransport('app'));
  const claimed = new Set<string>();
  let everyProject: string[] | undefined;
  await forEachProgram('impediment-auto-escalation', async (program) => {
    const config = await readProgramConfig();
    const own =
      config.projects.length > 0
        ? config.projects
        : (everyProject ??= (await listProjectsWithStyle(asApp)).map((p) => p.key));
    const projects = own.filter((key) => !claimed.has(key));
    own.forEach((key) => claimed.add(key));
    const report = await autoEscalate(asApp, config, projects, clock());
    console.log(JSON.stringify({ event: 'impediment-auto-escalation', programId: program.id, ...report }));
  });
}
