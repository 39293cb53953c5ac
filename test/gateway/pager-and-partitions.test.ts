import { JiraBadRequest } from '../../src/jira/errors';
import { PartitionCutter, type CensusEntry } from '../../src/jira/partitions';
import { forEachTokenPage, type TokenPage } from '../../src/jira/search';

const expired = () =>
  new JiraBadRequest(
    'POST /rest/api/3/search/jql: expired',
    ['The provided next page token is invalid or expired. Please restart the search.'],
    {},
  );

describe('the token pager', () => {
  it('restarts from the first page when a token expired, delivering each issue once', async () => {
    const pages: Record<string, TokenPage<{ id: string }>> = {
      first: { items: [{ id: '1' }, { id: '2' }], nextPageToken: 't2' },
      t2: { items: [{ id: '3' }], nextPageToken: 't3' },
      t3: { items: [{ id: '4' }] },
    };
    let expiredOnce = false;
    const delivered: string[] = [];
    const restarts = await forEachTokenPage(
      (token) => {
        if (token === 't3' && !expiredOnce) {
          expiredOnce = true;
          return Promise.reject(expired());
        }
        return Promise.resolve(pages[token ?? 'first'] ?? { items: [] });
      },
      (items) => {
        delivered.push(...items.map((i) => i.id));
      },
      { idOf: (i) => i.id },
    );
    expect(restarts).toBe(1);
    expect(delivered).toEqual(['1', '2', '3', '4']);
  });

  it('gives up after its restarts instead of looping on a token that always expires', async () => {
    const fetchPage = (token: string | undefined) =>
      token ? Promise.reject(expired()) : Promise.resolve({ items: [{ id: '1' }], nextPageToken: 'x' });
    await expect(
      forEachTokenPage(fetchPage, () => undefined, { idOf: (i) => i.id, maxRestarts: 2 }),
    ).rejects.toBeInstanceOf(JiraBadRequest);
  });
});

const entries = (project: string, count: number): CensusEntry[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${project}${i + 1}`, key: `${project}-${i + 1}` }));

describe('partitions cut from the census', () => {
  it('packs small projects into full pages and splits a dominant one into key ranges', () => {
    const cutter = new PartitionCutter(100);
    const census = [...entries('AA', 30), ...entries('BB', 40), ...entries('BIG', 450), ...entries('CC', 20)];
    const partitions = [
      ...cutter.add(census.slice(0, 300)),
      ...cutter.add(census.slice(300)),
      ...cutter.flush(),
    ];
    expect(partitions).toHaveLength(Math.ceil(census.length / 100));
    expect(partitions.slice(0, -1).every((p) => p.ids.length === 100)).toBe(true);
    expect(partitions[0]?.label).toBe('AA-1..AA-30, BB-1..BB-40, BIG-1..BIG-30');
    expect(partitions[2]?.label).toBe('BIG-131..BIG-230');
    expect(partitions.flatMap((p) => p.ids)).toEqual(census.map((e) => e.id));
  });

  it('makes no partition of an empty program', () => {
    expect(new PartitionCutter(100).flush()).toEqual([]);
  });
});
