import { readFileSync } from 'node:fs';
import { DatasetError, EmulatorState, demoProgram, loadDataset, syntheticProgram } from '../../dev/emulator';
import { DEMO_FILE } from '../../dev/emulator/demo/write-demo-file';

function datasetError(input: unknown): DatasetError {
  try {
    loadDataset(input);
  } catch (err) {
    if (err instanceof DatasetError) return err;
    throw err;
  }
  throw new Error('expected a DatasetError');
}

const minimal = () => ({
  projects: [{ id: '1', key: 'A', name: 'A' }],
  issueTypes: [{ id: '1', name: 'Story', hierarchyLevel: 0 }],
  users: [],
  issues: [
    {
      id: '100',
      key: 'A-1',
      fields: {
        summary: 's',
        issuetype: { id: '1', name: 'Story' },
        project: { id: '1', key: 'A' },
        status: { name: 'To Do', statusCategory: { key: 'new' } },
        created: '2026-01-01T00:00:00.000+0000',
        updated: '2026-01-01T00:00:00.000+0000',
        extraFromRealJira: { anything: true },
      },
    },
  ],
});

describe('loadDataset', () => {
  it('accepts Jira payloads with missing optional and extra fields', () => {
    const dataset = loadDataset(minimal());
    expect(dataset.sprints).toEqual([]);
    expect(dataset.issues[0]?.fields.extraFromRealJira).toEqual({ anything: true });
  });

  it('names the path of the bad element', () => {
    const bad = minimal();
    Object.assign(bad.issues[0]!.fields.project, { key: 12 });
    expect(datasetError(bad).message).toBe('issues[0].fields.project.key: expected string');
    expect(datasetError({ ...minimal(), users: [{ accountId: 'x' }] }).message).toMatch(
      /^users\[0\]\.displayName: expected string/,
    );
    expect(datasetError('/nonexistent/file.json').message).toMatch(/nonexistent/);
  });

  it('derives deduplicated links from either side of an issue pair', () => {
    const data = minimal();
    const second = structuredClone(data.issues[0]!);
    Object.assign(second, { id: '101', key: 'A-2' });
    const type = { id: '9', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' };
    Object.assign(data.issues[0]!.fields, {
      issuelinks: [{ id: '7', type, outwardIssue: { id: '101', key: 'A-2' } }],
    });
    Object.assign(second.fields, {
      issuelinks: [
        { id: '7', type, inwardIssue: { id: '100', key: 'A-1' } },
        { id: '8', type, outwardIssue: { id: '5', key: 'ZZ-1' } },
      ],
    });
    data.issues.push(second);
    const state = new EmulatorState(loadDataset(data));
    expect([...state.links.values()]).toEqual([{ id: '7', typeId: '9', fromId: '100', toId: '101' }]);
    expect(state.linkTypes.map((t) => t.name)).toEqual(['Blocks']);
  });

  it('matches the committed demo file exactly', () => {
    const committed: unknown = JSON.parse(readFileSync(DEMO_FILE, 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(demoProgram())));
    expect(loadDataset(DEMO_FILE).issues).toHaveLength(468);
  });

  it('generates synthetic programs of the requested size deterministically', () => {
    const a = syntheticProgram({ issues: 10_000, teams: 8, seed: 3 });
    expect(a.issues).toHaveLength(10_000);
    expect(a.projects).toHaveLength(8);
    expect(a.issues.filter((i) => i.fields.issuetype.name === 'Epic')).toHaveLength(80);
    const b = syntheticProgram({ issues: 10_000, teams: 8, seed: 3 });
    expect(b.issues[5000]).toEqual(a.issues[5000]);
    expect(new EmulatorState(a).links.size).toBe(500);
  });
});
