import { parseJsonBytes } from '../../src/jira/reply-json';

/** What parseJsonBytes must always agree with: JSON.parse of the decoded text (the value or the throw). */
function outcome(parse: () => unknown): { value: unknown } | { throws: true } {
  try {
    return { value: parse() };
  } catch {
    return { throws: true };
  }
}

function expectSameAsJsonParse(text: string) {
  const bytes = new TextEncoder().encode(text);
  const expected = outcome(() => JSON.parse(new TextDecoder().decode(bytes)));
  expect(outcome(() => parseJsonBytes(bytes))).toEqual(expected);
}

const issue = (n: number) => ({
  id: String(10_000 + n),
  key: `PAY-${n}`,
  fields: {
    summary: `"quoted" \\ back\\slash, comma, [bracket] {brace} ünïcödé 🚀 ${n}`,
    issuelinks: [{ type: { name: 'Blocks' }, outwardIssue: { key: `PAY-${n + 1}` } }],
    nested: { issues: [1, 2, 3], text: '"issues":[' },
  },
});

describe('parsing a reply from its bytes', () => {
  it('reads a page of issues exactly as JSON.parse reads its text', () => {
    const page = { issues: Array.from({ length: 100 }, (_, n) => issue(n)), issueErrors: [] };
    expectSameAsJsonParse(JSON.stringify(page));
    expectSameAsJsonParse(
      JSON.stringify({ expand: 'names', issues: [issue(1)], nextPageToken: 't', isLast: false }),
    );
    expectSameAsJsonParse(JSON.stringify({ issues: [] }));
    expectSameAsJsonParse(JSON.stringify(page, null, 2));
    expectSameAsJsonParse(`\uFEFF${JSON.stringify(page)}`);
    expectSameAsJsonParse(' {"issues":[ 1 , "a,b" , [ ] , { } , null , -2.5e3 ] , "x" : "]" } ');
  });

  it('reads any other reply as JSON.parse does', () => {
    for (const text of [
      '[]',
      '{"values":[{"issues":[1]}]}',
      '"issues"',
      '42',
      'null',
      '{"a":{"issues":[1]},"issues":[2]}',
    ])
      expectSameAsJsonParse(text);
  });

  it('keeps the last of two top-level issues, as JSON.parse does', () => {
    expectSameAsJsonParse('{"issues":[1],"issues":[2]}');
    expectSameAsJsonParse('{"issues":[1],"issues" : null}');
    expectSameAsJsonParse('{"issues" :[0],"issues":[1]}');
  });

  it('throws wherever JSON.parse throws: cut, doubled commas, stray text, bad escapes', () => {
    const page = JSON.stringify({ issues: [issue(1), issue(2)], issueErrors: [] });
    for (const text of [
      page.slice(0, page.length - 3),
      '{"issues":[{"id":"100',
      '{"issues":[1,,2]}',
      '{"issues":[1,]}',
      '{"issues":[,1]}',
      '{"issues":[1 2]}',
      '{"issues":[1]',
      '{"issues":[1]}}',
      '{"a":"issues":[1]}',
      '{"issues":["\\x"]}',
      '{"issues":[1]} trailing',
    ])
      expectSameAsJsonParse(text);
  });

  it('agrees with JSON.parse on thousands of pages with random damage', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const page = JSON.stringify({ issues: [issue(1), issue(2), issue(3)], nextPageToken: 'x,]"' });
    const noise = ['"', '\\', ',', '[', ']', '{', '}', ' ', ':', 'x', '1'];
    for (let round = 0; round < 3_000; round++) {
      const at = Math.floor(random() * page.length);
      const change = noise[Math.floor(random() * noise.length)] ?? '';
      const damaged =
        random() < 0.5
          ? page.slice(0, at) + change + page.slice(at + 1)
          : page.slice(0, at) + page.slice(at + 1);
      expectSameAsJsonParse(damaged);
    }
  });
});
