/**
 * The handler barrel: one export per `handler` in manifest.yml, and nothing else
 * (test/manifest/barrel.test.ts holds both directions). Each handler runs under the deadline of its
 * kind of invocation (src/invocation-deadline.ts), so no retry or pacing wait outlives Forge's limit.
 */
import { snapshotWorker as snapshotConsumer } from './consumers/snapshot-worker';
import { withInvocationDeadline } from './invocation-deadline';
import { buildResolverHandler } from './resolvers';
import { onDailyHistory as dailyHistory } from './triggers/daily-history';
import { onHourlySync as hourlySync } from './triggers/hourly-sync';
import { onImpedimentSchedule as impedimentSchedule } from './triggers/impediment-escalation';
import { onImpedimentSetup as impedimentSetup } from './triggers/impediment-provisioning';
import { onJiraChange as jiraChange } from './triggers/jira-events';
import { onLifecycleEvent as lifecycleEvent } from './triggers/lifecycle';

// Resolver functions (manifest: function `resolver`, used by all four Custom UI modules).
export const resolver = buildResolverHandler();

// Product and lifecycle triggers.
export const onLifecycleEvent = withInvocationDeadline('event-trigger', lifecycleEvent);
export const onJiraChange = withInvocationDeadline('event-trigger', jiraChange);
export const onImpedimentSetup = withInvocationDeadline('event-trigger', impedimentSetup);

// Scheduled triggers (no timeoutSeconds in the manifest: Forge's default of 55 s).
export const onHourlySync = withInvocationDeadline('scheduled-trigger', hourlySync);
export const onImpedimentSchedule = withInvocationDeadline('scheduled-trigger', impedimentSchedule);
export const onDailyHistory = withInvocationDeadline('scheduled-trigger', dailyHistory);

// Queue consumers (timeoutSeconds: 900).
export const snapshotWorker = withInvocationDeadline('consumer', snapshotConsumer);
