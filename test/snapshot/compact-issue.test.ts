import { MAX_FIELD_DEPTH, toStoredIssue } from '../../src/services/snapshot/compact-issue';
import { readinessText } from '../../src/services/snapshot/issue-shape';

type Node = { type: string; text?: string; content?: Node[] };

/** An ADF document whose text sits `levels` nodes down, under a heading so it is kept when compacted. */
function nestedDescription(levels: number): Node {
  let node: Node = { type: 'text', text: 'x'.repeat(5_000) };
  for (let i = 0; i < levels; i++) node = { type: 'paragraph', content: [node] };
  return {
    type: 'doc',
    content: [{ type: 'heading', content: [{ type: 'text', text: 'Acceptance criteria' }] }, node],
  };
}

function depthOf(value: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() ?? [null, 0];
    if (typeof node !== 'object' || node === null) continue;
    max = Math.max(max, depth);
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return max;
}

describe('issues as the snapshot stores them', () => {
  it.each([900, 20_000])(
    'stores an issue whose description is nested %i levels deep, cut to what Forge can nest',
    (levels) => {
      const issue = {
        id: '1',
        key: 'PAY-1',
        fields: { summary: 'Deep', description: nestedDescription(levels) },
      };
      const stored = toStoredIssue(issue, {});
      expect(stored.fields.summary).toBe('Deep');
      // A chunk adds 4 levels (chunk, issues, issue, fields) above the field; Forge allows 32 in all.
      expect(depthOf(stored.fields.description)).toBeLessThanOrEqual(MAX_FIELD_DEPTH + 2);
      expect(4 + depthOf(stored.fields.description)).toBeLessThanOrEqual(32);
    },
  );

  it('shortens the text of a long rich-text value without recursion, keeping its headings', () => {
    const compacted = readinessText(nestedDescription(20_000));
    expect(JSON.stringify(compacted)).toContain('Acceptance criteria');
    expect(JSON.stringify(compacted).length).toBeLessThan(2_000);
  });
});
