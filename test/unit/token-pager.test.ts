import { collectTokenPages } from '../../src/jira/search';

describe('collectTokenPages', () => {
  it('follows nextPageToken to the last page', async () => {
    const pages: Record<string, { items: number[]; nextPageToken?: string }> = {
      start: { items: [1, 2], nextPageToken: 'b' },
      b: { items: [3], nextPageToken: 'c' },
      c: { items: [4] },
    };
    const seen: Array<string | undefined> = [];
    const items = await collectTokenPages((token) => {
      seen.push(token);
      return Promise.resolve(pages[token ?? 'start'] ?? { items: [] });
    });
    expect(items).toEqual([1, 2, 3, 4]);
    expect(seen).toEqual([undefined, 'b', 'c']);
  });

  it('refuses to loop when Jira repeats a token', async () => {
    await expect(
      collectTokenPages(() => Promise.resolve({ items: [1], nextPageToken: 'same' })),
    ).rejects.toThrow(/twice/);
  });
});
