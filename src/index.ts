/**
 * The handler barrel: one export per `handler` in manifest.yml, and nothing else
 * (test/manifest/barrel.test.ts holds both directions).
 */
import { buildResolverHandler } from './resolvers';

// Resolver functions (manifest: function `resolver`, used by all four Custom UI modules).
export const resolver = buildResolverHandler();

// Product and lifecycle triggers.
export { onLifecycleEvent } from './triggers/lifecycle';
export { onJiraChange } from './triggers/jira-events';
export { onImpedimentSetup } from './triggers/impediment-provisioning';

// Scheduled triggers.
export { onHourlySync } from './triggers/hourly-sync';
export { onImpedimentSchedule } from './triggers/impediment-escalation';
export { onDailyHistory } from './triggers/daily-history';

// Queue consumers.
export { snapshotWorker } from './consumers/snapshot-worker';
