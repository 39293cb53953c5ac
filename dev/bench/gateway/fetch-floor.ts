/**
 * The floor a full build's fetch is measured against (issue 12): the larger of the pages' round trips at
 * the allowed parallelism (pages / parallelism x latency) and the time it takes just to `JSON.parse`
 * the same replies. The replies are read again after the timed build (the same requests, replayed on
 * the unchanged emulator) and only `JSON.parse` is timed, so measuring does not slow the build.
 */
import pLimit from 'p-limit';
import type { JiraRequest, JiraTransport } from '../../../src/jira/transport';

/** A transport that remembers every request it sends (the build's pages, to replay them). */
export function recordingTransport(inner: JiraTransport): JiraTransport & { requests: JiraRequest[] } {
  const requests: JiraRequest[] = [];
  return {
    requests,
    send(request) {
      requests.push(request);
      return inner.send(request);
    },
  };
}

/** Pages are the replies that carry issues: the census and the partitions' bulk reads. */
const isPage = (request: JiraRequest) =>
  request.path === '/rest/api/3/search/jql' || request.path === '/rest/api/3/issue/bulkfetch';

/**
 * Milliseconds `JSON.parse` takes on the replies to `requests`' pages (replayed; failures skipped), and
 * the replay's wall time: every page request known up front, sent at the same parallelism, nothing done
 * but the parse. That is what the emulator and the transport allow a build with no census to wait for
 * and no work per page, so the build's time above it is the app's own.
 */
export async function jsonParseMsOf(
  transport: JiraTransport,
  requests: readonly JiraRequest[],
  parallelism: number,
): Promise<{ pages: number; parseMs: number; replayWallMs: number }> {
  const limit = pLimit(parallelism);
  let parseMs = 0;
  let pages = 0;
  const started = performance.now();
  await Promise.all(
    requests.filter(isPage).map((request) =>
      limit(async () => {
        const response = await transport.send(request);
        const text = await response.text();
        if (response.status !== 200) return;
        const started = performance.now();
        JSON.parse(text);
        parseMs += performance.now() - started;
        pages++;
      }),
    ),
  );
  return { pages, parseMs: Math.round(parseMs), replayWallMs: Math.round(performance.now() - started) };
}

/** max(ceil(pages / parallelism) x latency, JSON.parse of the same pages). */
export function fetchFloorMs(options: {
  pages: number;
  parallelism: number;
  latencyMs: number;
  parseMs: number;
}): number {
  const roundTrips = Math.ceil(options.pages / options.parallelism) * options.latencyMs;
  return Math.max(roundTrips, options.parseMs);
}
