import { startEmulator, type RunningEmulator } from '../../dev/emulator';
import { DEMO_NOW_MS } from '../doubles/pinned-clock';
import { at, demoDataset, list } from './emulator-harness';

/**
 * The benchmark's emulator serialises every issue once (`prerender`): its pages must say exactly what
 * the emulator that renders per request says, before and after the program changes through HTTP.
 */
let plain: RunningEmulator;
let prerendered: RunningEmulator;
beforeAll(async () => {
  const now = () => new Date(DEMO_NOW_MS);
  plain = await startEmulator({ dataset: demoDataset(), now });
  prerendered = await startEmulator({ dataset: demoDataset(), now, prerender: true });
});
afterAll(async () => {
  await plain.close();
  await prerendered.close();
});

async function call(emulator: RunningEmulator, method: string, path: string, body: unknown, as = 'app') {
  const res = await fetch(`${emulator.url}${path}`, {
    method,
    headers: {
      authorization: as === 'app' ? 'Bearer app' : `Bearer user:${as}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  // `self` links name the emulator's own port.
  return {
    status: res.status,
    json: text === '' ? undefined : JSON.parse(text.replaceAll(emulator.url, '')),
  };
}

/** The same request to both emulators, answered alike. */
async function sameReply(method: string, path: string, body: unknown, as = 'app') {
  const expected = await call(plain, method, path, body, as);
  const actual = await call(prerendered, method, path, body, as);
  expect(actual).toEqual(expected);
  return actual;
}

const FIELDS = ['summary', 'status', 'issuetype', 'project', 'parent', 'issuelinks', 'customfield_10019'];
const PROPERTIES = ['metascrum.escalation'];

async function pagesMatch() {
  const ids = await sameReply('POST', '/rest/api/3/search/jql', {
    jql: 'project in (PAY, CHK) ORDER BY key',
    fields: ['key'],
    maxResults: 5000,
  });
  const issueIds = list(ids.json, 'issues').map((issue) => String(at(issue, 'id')));
  expect(issueIds.length).toBeGreaterThan(100);
  const page = await sameReply('POST', '/rest/api/3/issue/bulkfetch', {
    issueIdsOrKeys: [...issueIds.slice(0, 99), 'NOPE-1'],
    fields: FIELDS,
    properties: PROPERTIES,
  });
  expect(list(page.json, 'issues')).toHaveLength(99);
  expect(list(page.json, 'issueErrors')).toHaveLength(1);
  await sameReply('POST', '/rest/api/3/search/jql', {
    jql: 'project = PAY ORDER BY key',
    fields: ['*all', '-description'],
    properties: PROPERTIES,
    maxResults: 100,
  });
}

describe('the prerendered emulator', () => {
  it('serves the same searches and bulk reads as the one that renders per request', async () => {
    await pagesMatch();
  });

  it('serves a user the same view (what they may not see stays hidden)', async () => {
    const user = demoDataset().users.find((u) => u.browse !== '*');
    expect(user).toBeDefined();
    await sameReply(
      'POST',
      '/rest/api/3/search/jql',
      { jql: 'ORDER BY key', fields: FIELDS },
      user?.accountId,
    );
  });

  it('serves an edit and a new link at once, on both ends of the link', async () => {
    for (const emulator of [plain, prerendered]) {
      const edit = await call(emulator, 'PUT', '/rest/api/3/issue/PAY-2', {
        fields: { summary: 'PAY-2 renamed' },
      });
      expect(edit.status).toBe(204);
      const link = await call(emulator, 'POST', '/rest/api/3/issueLink', {
        type: { name: 'Blocks' },
        inwardIssue: { key: 'PAY-2' },
        outwardIssue: { key: 'CHK-1' },
      });
      expect(link.status).toBe(201);
    }
    const chk = await sameReply('POST', '/rest/api/3/issue/bulkfetch', {
      issueIdsOrKeys: ['CHK-1', 'PAY-2'],
      fields: FIELDS,
    });
    expect(JSON.stringify(chk.json)).toContain('PAY-2 renamed');
    await pagesMatch();
  });
});
