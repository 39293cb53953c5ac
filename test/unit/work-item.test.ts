import { toWorkItem } from '../../src/domain/work-item';

describe('work items', () => {
  it('takes the project from the key when Jira left it out, and tolerates missing fields', () => {
    const item = toWorkItem({ key: 'SRCH-12' });
    expect(item).toMatchObject({
      projectKey: 'SRCH',
      summary: '',
      statusCategory: 'indeterminate',
      parentKey: undefined,
    });
  });
});
