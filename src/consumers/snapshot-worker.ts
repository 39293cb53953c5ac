/**
 * The queue consumer (manifest: consumer on queue `snapshot-rebuild`, function `snapshot-worker`).
 * Since @forge/events 2, Forge invokes a consumer function with an AsyncEvent whose `body` is what was
 * pushed; it runs as the app with up to 900 s, so its Jira client gets the consumer's deadline.
 */
import { clock } from '../clock';
import { z } from 'zod';
import { JiraClient } from '../jira/client';
import { forgeTransport } from '../jira/forge-transport';
import { retryPolicyFor } from '../jira/retry-policy';
import { computeAnalysis } from '../services/analysis/compute-analysis';
import { syncStatusBadges } from '../services/analysis/status-badges';
import { recordDailySummary } from '../services/history/record-daily-summary';
import { syncProgram } from '../services/program-sync';
import { SyncRequestSchema, type SyncRequest } from '../services/sync-queue';
import type { AnalysisManifest } from '../storage/analysis-schema';
import { currentProgramId, DEFAULT_PROGRAM_ID, withProgram } from '../storage/program-scope';
import { projectOwner } from '../services/programs/each-program';
import { isProgram } from '../services/programs/program-directory';
import { deleteProgramData } from '../storage/program-data';

const AsyncEventSchema = z.looseObject({ body: SyncRequestSchema, jobId: z.string().optional() });

export async function snapshotWorker(event: unknown): Promise<void> {
  const parsed = AsyncEventSchema.safeParse(event);
  if (!parsed.success) {
    // A malformed event can never succeed: log it and drop it instead of letting Forge retry it.
    console.error(JSON.stringify({ event: 'sync-request-invalid', issues: parsed.error.issues.length }));
    return;
  }
  // Everything the job reads and writes is the program's the event names.
  const { body } = parsed.data;
  const programId = body.programId ?? DEFAULT_PROGRAM_ID;
  if (!(await isProgram(programId))) {
    // Queued before its program was deleted: nothing to build, and nothing may be written back.
    console.warn(JSON.stringify({ event: 'sync-request-dropped', programId, reason: 'no such program' }));
    return;
  }
  await withProgram(programId, async () => {
    await runJob(body, parsed.data.jobId);
    await cleanUpIfDeleted(parsed.data.jobId);
  });
}

/**
 * An analysis takes no lease, so a program's delete may run while it does and list the program's keys
 * before the analysis writes its own. The delete takes the program off the registry before it lists
 * them: a job that finds the program still there afterwards wrote before that listing, and a job that
 * finds it gone deletes what it wrote itself.
 */
async function cleanUpIfDeleted(jobId: string | undefined): Promise<void> {
  const programId = currentProgramId();
  if (await isProgram(programId)) return;
  const keys = await deleteProgramData(programId);
  console.warn(JSON.stringify({ event: 'deleted-program-cleaned', jobId, programId, keys }));
}

async function runJob(body: SyncRequest, jobId: string | undefined): Promise<void> {
  if (body.mode === 'analysis' || body.reason === 'order') {
    await analyseLogged(jobId, body.reason);
    return;
  }
  const asApp = new JiraClient(forgeTransport('app'), { policy: retryPolicyFor('consumer') });
  const holder = jobId ?? `job-${clock().toString(36)}`;
  const outcome = await syncProgram(asApp, { ...body, mode: body.mode, reason: body.reason }, () => clock(), {
    holder,
  });
  const { manifest } = outcome;
  console.log(
    JSON.stringify({
      event: 'snapshot-job',
      jobId,
      status: outcome.status,
      message: outcome.message,
      ...(manifest
        ? {
            kind: manifest.kind,
            issues: manifest.issueCount,
            chunks: manifest.chunks.length,
            partial: manifest.partial.length,
          }
        : {}),
      jiraRequests: asApp.sentRequests,
    }),
  );
  // The views answer from the analysis of the snapshot: bring it up to date with the data.
  if (outcome.status === 'done') await analyseLogged(jobId, body.reason);
}

/** Re-runs the engine on the stored snapshot; a failure keeps the previous analysis and is logged. */
async function analyseLogged(jobId: string | undefined, reason: string): Promise<void> {
  const started = clock();
  let manifest: AnalysisManifest | undefined;
  try {
    manifest = await computeAnalysis(started);
    console.log(
      JSON.stringify({
        event: 'analysis-job',
        jobId,
        reason,
        status: manifest ? 'done' : 'no-snapshot',
        parts: manifest?.parts.length ?? 0,
        ms: clock() - started,
      }),
    );
  } catch (error) {
    console.error(JSON.stringify({ event: 'analysis-failed', jobId, reason, error: String(error) }));
    return;
  }
  if (manifest) {
    await historyLogged(jobId, manifest, started);
    await badgesLogged(jobId, manifest);
  }
}

/** The first analysis of a day also keeps the day's summary; never fails the analysis it follows. */
async function historyLogged(jobId: string | undefined, manifest: AnalysisManifest, now: number) {
  try {
    const outcome = await recordDailySummary(now, undefined, manifest);
    if (outcome.status === 'written')
      console.log(JSON.stringify({ event: 'history-daily', jobId, ...outcome }));
  } catch (error) {
    console.error(JSON.stringify({ event: 'history-daily-failed', jobId, error: String(error) }));
  }
}

/** Brings the collapsed panels' status badges up to date; never fails the analysis it follows. */
async function badgesLogged(jobId: string | undefined, manifest: AnalysisManifest): Promise<void> {
  const asApp = new JiraClient(forgeTransport('app'), { policy: retryPolicyFor('consumer') });
  try {
    const owns = await projectOwner(currentProgramId());
    const outcome = await syncStatusBadges(asApp, manifest, { owns });
    console.log(
      JSON.stringify({ event: 'status-badges', jobId, ...outcome, jiraRequests: asApp.sentRequests }),
    );
  } catch (error) {
    console.error(JSON.stringify({ event: 'status-badges-failed', jobId, error: String(error) }));
  }
}
