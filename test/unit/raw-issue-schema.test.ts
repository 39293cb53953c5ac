import { RawIssueSchema, RawSearchPageSchema } from '../../src/jira/schemas';

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
  });
});
