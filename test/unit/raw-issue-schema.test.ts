import { RawIssueSchema, RawIssuesSchema, RawSearchPageSchema } from '../../src/jira/schemas';

describe('the raw issue schema of bulk reads', () => {
  it('checks the fields object without copying it (a full build parses 100k of them)', () => {
    const fields = { summary: 'A', customfield_10016: 3, issuelinks: [] };
    const parsed = RawIssueSchema.parse({ id: '1', key: 'A-1', fields, expand: 'names' });
    expect(parsed.fields).toBe(fields);
    expect(parsed).toMatchObject({ id: '1', key: 'A-1', expand: 'names' });
  });

  it.each([
    ['a string', 'x'],
    ['an array', []],
    ['null', null],
  ])('refuses fields that are %s', (_, fields) => {
    const page = RawSearchPageSchema.safeParse({ issues: [{ id: '1', key: 'A-1', fields }] });
    expect(page.success).toBe(false);
    expect(page.error?.issues[0]?.path).toEqual(['issues', 0, 'fields']);
  });

  it('reads properties that are not an object as none, keeping the issue', () => {
    expect(RawIssueSchema.parse({ id: '1', key: 'A-1', properties: 'x' }).properties).toBeUndefined();
    const page = RawSearchPageSchema.parse({ issues: [{ id: '1', key: 'A-1', properties: [1] }] });
    expect(page.issues[0]?.properties).toBeUndefined();
    expect(page.issues[0]?.key).toBe('A-1');
  });
});

describe('a list of raw issues (a census page holds 5,000)', () => {
  it('returns the issues it was given, not copies', () => {
    const issues = [
      { id: '1', key: 'A-1', fields: {} },
      { id: '2', key: 'A-2' },
    ];
    const parsed = RawIssuesSchema.parse(issues);
    expect(parsed).toBe(issues);
    expect(parsed[1]).toBe(issues[1]);
  });

  it.each([
    ['an issue without an id', [{ id: '1', key: 'A-1' }, { key: 'A-2' }], [1, 'id']],
    ['a numeric id', [{ id: 2, key: 'A-2' }], [0, 'id']],
    ['an issue without a key', [{ id: '1', key: 'A-1' }, { id: '2', key: 'A-2' }, { id: '3' }], [2, 'key']],
    ['an issue that is not an object', [{ id: '1', key: 'A-1' }, 'A-2'], [1]],
    ['an issue that is an array', [[]], [0]],
  ])('names the place of %s', (_, issues, path) => {
    const page = RawSearchPageSchema.safeParse({ issues, nextPageToken: 'n' });
    expect(page.success).toBe(false);
    expect(page.error?.issues).toHaveLength(1);
    expect(page.error?.issues[0]?.path).toEqual(['issues', ...path]);
  });

  it('refuses issues that are not a list', () => {
    const page = RawSearchPageSchema.safeParse({ issues: { id: '1', key: 'A-1' } });
    expect(page.error?.issues[0]?.path).toEqual(['issues']);
  });
});
