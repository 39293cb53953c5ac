/**
 * One gateway benchmark run: a synthetic program in the emulator with a fixed latency per request, a
 * full snapshot build as the queue consumer would run it, then ten issues changed (with their Jira
 * events) and an incremental refresh. Returns the figures the issue asks for, with what the program
 * costs in Forge storage (storage-cost.ts): the double meters every request against Forge's quotas.
 */
import { JiraClient } from '../../../src/jira/client';
import { forgeTransport } from '../../../src/jira/forge-transport';
import { retryPolicyFor } from '../../../src/jira/retry-policy';
import { syncProgram } from '../../../src/services/program-sync';
import { parseProgramConfig } from '../../../src/domain/config/program-config';
import { saveProgramConfig } from '../../../src/storage/program-config';
import { onJiraChange } from '../../../src/triggers/jira-events';
import type { JiraRequest } from '../../../src/jira/transport';
import type { SnapshotManifest } from '../../../src/storage/snapshot-schema';
import { installForgeRuntime, type ForgeRuntimeDouble } from '../../../test/doubles/forge-runtime';
import { startEmulatorThread, type EmulatorThread } from './emulator-thread';
import { median } from '../median';
import { fetchFloorMs, jsonParseMsOf, recordingTransport } from './fetch-floor';
import { analyse, readUnitsPerView, unitsSpent, usdPerMonth, type StorageCost } from './storage-cost';

export interface GatewayBenchLine {
  issues: number;
  jiraRequests: number;
  lowerBoundRequests: number;
  requestRatio: number;
  parallelism: number;
  /**
   * The median of {@link TIMED_FULL_BUILDS} first full builds' wall times, one after the other in this
   * process: the first runs the app's code before V8 has optimised it, the others as a reused (warm)
   * consumer does.
   */
  fetchWallMs: number;
  /** Every timed build's wall time, in order (the first is the cold one). */
  fetchWallMsRuns: number[];
  /** The pages' round trips alone: ceil(pages / parallelism) x latency. */
  fetchLimitMs: number;
  /** JSON.parse of the same pages (replayed after the build). */
  fetchParseMs: number;
  /** max(fetchLimitMs, fetchParseMs): what the fetch cannot beat. */
  fetchFloorMs: number;
  /** fetchWallMs / fetchFloorMs (goal <= 1.25). */
  fetchRatio: number;
  /** The first (cold) build's wall time / fetchFloorMs. */
  fetchRatioFirstBuild: number;
  /**
   * The build's page requests replayed after it at the same parallelism, all known up front and only
   * parsed: what the emulator and transport allow, with no census to wait for and no work per page.
   */
  fetchReplayMs: number;
  snapshotBytes: number;
  snapshotChunks: number;
  incrementalRequests: number;
  kvsWriteUnitsFullBuild: StorageCost['kvsWriteUnitsFullBuild'];
  kvsWriteUnitsIncremental: StorageCost['kvsWriteUnitsIncremental'];
  kvsReadUnitsPerView: StorageCost['kvsReadUnitsPerView'];
  usdPerMonthHourlySync: StorageCost['usdPerMonthHourlySync'];
}

export interface GatewayBenchOptions {
  issues: number;
  teams: number;
  latencyMs: number;
  parallelism: number;
}

/** Changes an issue as a user would in Jira (before the refresh's request count is taken). */
async function editSummary(baseUrl: string, issueKey: string): Promise<void> {
  // Pooled connections the emulator closed while the analysis ran fail: send it again (a few times,
  // since several pooled connections may have gone stale together).
  let response: Response | undefined;
  for (let attempt = 1; response === undefined; attempt++) {
    response = await editOnce(baseUrl, issueKey).catch((error: unknown) => {
      if (attempt >= 4) throw error;
      return undefined;
    });
  }
  if (response.status !== 204) throw new Error(`editing ${issueKey} answered ${response.status}`);
}

function editOnce(baseUrl: string, issueKey: string): Promise<Response> {
  return fetch(`${baseUrl}/rest/api/3/issue/${issueKey}`, {
    method: 'PUT',
    headers: { authorization: 'Bearer app', 'content-type': 'application/json' },
    body: JSON.stringify({ fields: { summary: `${issueKey} changed by the benchmark` } }),
  });
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Full builds timed per size: the line carries their median (one build's wall time varies by ~10%). */
export const TIMED_FULL_BUILDS = 3;

interface TimedBuild {
  forge: ForgeRuntimeDouble;
  manifest: SnapshotManifest;
  wallMs: number;
  jiraRequests: number;
  requests: JiraRequest[];
  writesBefore: number;
}

/** A program's first full build on a fresh Forge installation, timed and counted. */
async function timedFirstBuild(emulator: EmulatorThread, parallelism: number): Promise<TimedBuild> {
  const forge = installForgeRuntime({ jiraBaseUrl: emulator.url });
  try {
    await saveProgramConfig(
      parseProgramConfig({ name: 'Synthetic program', projects: emulator.projectKeys }),
      null,
      Date.now(),
      0,
    );
    const recording = recordingTransport(forgeTransport('app'));
    const asApp = new JiraClient(recording, { policy: retryPolicyFor('consumer') });
    const before = await emulator.requestCount();
    const writesBefore = forge.kvsUsage.writeUnits;
    const started = performance.now();
    const build = await forge.runAsApp(() =>
      syncProgram(asApp, { reason: 'requested', mode: 'full' }, () => Date.now(), {
        holder: 'bench-full',
        concurrency: parallelism,
      }),
    );
    const wallMs = Math.round(performance.now() - started);
    const jiraRequests = (await emulator.requestCount()) - before;
    if (build.status !== 'done' || !build.manifest)
      throw new Error(`the build ${build.status}: ${build.message}`);
    const { manifest } = build;
    return { forge, manifest, wallMs, jiraRequests, requests: recording.requests, writesBefore };
  } catch (error) {
    forge.uninstall();
    throw error;
  }
}

export async function runGatewayBenchOnce(options: GatewayBenchOptions): Promise<GatewayBenchLine> {
  const emulator = await startEmulatorThread({ ...options, seed: 42 });
  let timed: TimedBuild | undefined;
  const walls: number[] = [];
  try {
    // Each build on a fresh installation (a first build); the last one's installation goes on below.
    for (let run = 0; run < TIMED_FULL_BUILDS; run++) {
      timed?.forge.uninstall();
      timed = undefined;
      timed = await timedFirstBuild(emulator, options.parallelism);
      walls.push(timed.wallMs);
    }
    if (!timed) throw new Error('no build was timed');
    const { forge, manifest, jiraRequests, writesBefore, requests } = timed;
    const fetchWallMs = median(walls);
    const parsed = await forge.runAsApp(() =>
      jsonParseMsOf(forgeTransport('app'), requests, options.parallelism),
    );
    // The consumer analyses after every build: its writes are part of what a build costs.
    await analyse(forge);
    const kvsWriteUnitsFullBuild = forge.kvsUsage.writeUnits - writesBefore;

    const changed = emulator.issueKeys.slice(-10);
    for (const key of changed) await editSummary(emulator.url, key);
    const beforeIncremental = await emulator.requestCount();
    for (const key of changed) {
      // Forge's issue events carry the id too; the key is enough for the refresh to read the issue.
      await forge.runAsApp(() =>
        onJiraChange({ eventType: 'avi:jira:updated:issue', issue: { id: key, key } }),
      );
    }
    const refresh = await forge.runAsApp(() =>
      syncProgram(
        new JiraClient(forgeTransport('app'), { policy: retryPolicyFor('consumer') }),
        { reason: 'event', mode: 'incremental' },
        () => Date.now(),
        { holder: 'bench-incremental' },
      ),
    );
    if (refresh.status !== 'done') throw new Error(`the refresh ${refresh.status}: ${refresh.message}`);
    const incrementalRequests = (await emulator.requestCount()) - beforeIncremental;
    await analyse(forge);

    const hundred = emulator.issueKeys.slice(-110, -10);
    for (const key of hundred) await editSummary(emulator.url, key);
    const incremental = await unitsSpent(forge, async () => {
      for (const key of hundred) {
        await forge.runAsApp(() =>
          onJiraChange({ eventType: 'avi:jira:updated:issue', issue: { id: key, key } }),
        );
      }
      const outcome = await forge.runAsApp(() =>
        syncProgram(
          new JiraClient(forgeTransport('app'), { policy: retryPolicyFor('consumer') }),
          { reason: 'event', mode: 'incremental' },
          () => Date.now(),
          { holder: 'bench-incremental-100' },
        ),
      );
      if (outcome.status !== 'done') throw new Error(`the refresh ${outcome.status}: ${outcome.message}`);
      await analyse(forge);
    });
    const kvsReadUnitsPerView = await readUnitsPerView(forge, emulator.issueKeys[0] ?? '');

    const lowerBoundRequests = Math.ceil(options.issues / 100);
    const fetchLimitMs = Math.ceil(lowerBoundRequests / options.parallelism) * options.latencyMs;
    const floorMs = fetchFloorMs({ ...options, pages: lowerBoundRequests, parseMs: parsed.parseMs });
    return {
      issues: manifest.issueCount,
      jiraRequests,
      lowerBoundRequests,
      requestRatio: round2(jiraRequests / lowerBoundRequests),
      parallelism: options.parallelism,
      fetchWallMs,
      fetchWallMsRuns: walls,
      fetchLimitMs,
      fetchParseMs: parsed.parseMs,
      fetchFloorMs: floorMs,
      fetchRatio: round2(fetchWallMs / floorMs),
      fetchRatioFirstBuild: round2((walls[0] ?? 0) / floorMs),
      fetchReplayMs: parsed.replayWallMs,
      snapshotBytes: manifest.bytes,
      snapshotChunks: manifest.chunks.length,
      incrementalRequests,
      kvsWriteUnitsFullBuild,
      kvsWriteUnitsIncremental: incremental.write,
      kvsReadUnitsPerView,
      usdPerMonthHourlySync: usdPerMonth(manifest.issueCount, kvsWriteUnitsFullBuild, incremental.write),
    };
  } finally {
    timed?.forge.uninstall();
    await emulator.close();
  }
}
