/**
 * Site configuration shared by the demo and synthetic programs: field ids, issue types, link types,
 * statuses, in the shapes Jira Cloud returns them. The app discovers fields by name, so names matter.
 */
export const SITE_URL = 'https://metascrum-demo.atlassian.net';

export const FIELD = {
  storyPoints: 'customfield_10016',
  rank: 'customfield_10019',
  sprint: 'customfield_10020',
  acceptanceCriteria: 'customfield_10030',
  businessValue: 'customfield_10040',
  timeCriticality: 'customfield_10041',
  riskReduction: 'customfield_10042',
  jobSize: 'customfield_10043',
  team: 'customfield_10050',
  escalationLevel: 'customfield_10060',
} as const;

const CF = 'com.atlassian.jira.plugin.system.customfieldtypes:';

function custom(id: string, name: string, type: string, customType: string, items?: string) {
  return {
    id,
    key: id,
    name,
    custom: true,
    schema: { type, custom: customType, customId: Number(id.slice(12)), ...(items ? { items } : {}) },
  };
}
function system(id: string, name: string, type: string, items?: string) {
  return { id, key: id, name, custom: false, schema: { type, system: id, ...(items ? { items } : {}) } };
}

export const FIELDS = [
  system('summary', 'Summary', 'string'),
  system('issuetype', 'Issue Type', 'issuetype'),
  system('project', 'Project', 'project'),
  system('status', 'Status', 'status'),
  system('parent', 'Parent', 'issuelink'),
  system('issuelinks', 'Linked Issues', 'array', 'issuelinks'),
  system('created', 'Created', 'datetime'),
  system('updated', 'Updated', 'datetime'),
  system('resolutiondate', 'Resolved', 'datetime'),
  system('description', 'Description', 'string'),
  system('labels', 'Labels', 'array', 'string'),
  custom(FIELD.storyPoints, 'Story point estimate', 'number', `${CF}float`),
  custom(FIELD.rank, 'Rank', 'any', 'com.pyxis.greenhopper.jira:gh-lexo-rank'),
  custom(FIELD.sprint, 'Sprint', 'array', 'com.pyxis.greenhopper.jira:gh-sprint', 'json'),
  custom(FIELD.acceptanceCriteria, 'Acceptance criteria', 'string', `${CF}textarea`),
  custom(FIELD.businessValue, 'Business value', 'number', `${CF}float`),
  custom(FIELD.timeCriticality, 'Time criticality', 'number', `${CF}float`),
  custom(FIELD.riskReduction, 'Risk reduction / opportunity enablement', 'number', `${CF}float`),
  custom(FIELD.jobSize, 'Job size', 'number', `${CF}float`),
  custom(FIELD.team, 'Team', 'team', 'com.atlassian.jira.plugin.system.customfieldtypes:atlassian-team'),
  custom(FIELD.escalationLevel, 'Escalation level', 'option', `${CF}select`),
];

export const ISSUE_TYPES = {
  epic: { id: '10000', name: 'Epic', hierarchyLevel: 1, subtask: false, description: 'A big user story.' },
  story: { id: '10001', name: 'Story', hierarchyLevel: 0, subtask: false, description: 'A user story.' },
  task: {
    id: '10002',
    name: 'Task',
    hierarchyLevel: 0,
    subtask: false,
    description: 'A small piece of work.',
  },
  bug: { id: '10003', name: 'Bug', hierarchyLevel: 0, subtask: false, description: 'A problem.' },
  subtask: {
    id: '10004',
    name: 'Sub-task',
    hierarchyLevel: -1,
    subtask: true,
    description: 'A part of a story.',
  },
  impediment: {
    id: '10005',
    name: 'Impediment',
    hierarchyLevel: 0,
    subtask: false,
    description: 'Something stopping a team.',
  },
} as const;

export const LINK_TYPES = {
  blocks: { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  relates: { id: '10001', name: 'Relates', inward: 'relates to', outward: 'relates to' },
  duplicate: { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
} as const;

function status(
  id: string,
  name: string,
  categoryId: number,
  key: string,
  categoryName: string,
  colorName: string,
) {
  return {
    self: `${SITE_URL}/rest/api/3/status/${id}`,
    description: '',
    iconUrl: `${SITE_URL}/`,
    name,
    id,
    statusCategory: {
      self: `${SITE_URL}/rest/api/3/statuscategory/${categoryId}`,
      id: categoryId,
      key,
      colorName,
      name: categoryName,
    },
  };
}

export const STATUSES = {
  todo: status('10000', 'To Do', 2, 'new', 'To Do', 'blue-gray'),
  inProgress: status('3', 'In Progress', 4, 'indeterminate', 'In Progress', 'yellow'),
  done: status('10001', 'Done', 3, 'done', 'Done', 'green'),
};

/** The default escalation ladder (DOMAIN.md), as options of the "Escalation level" select field. */
export const ESCALATION_LEVELS = [
  { id: '10100', value: 'Team', disabled: false },
  { id: '10101', value: 'Scrum of Scrums', disabled: false },
  { id: '10102', value: 'Scrum of Scrums of Scrums', disabled: false },
  { id: '10103', value: 'Executive Action Team', disabled: false },
];

/** An Atlassian Document Format paragraph document. */
export function adf(...paragraphs: string[]) {
  return {
    type: 'doc',
    version: 1,
    content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}
