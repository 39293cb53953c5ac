import { analyseProgram } from '../../src/domain/analyse-program';
import { classifyLinkType } from '../../src/domain/dependencies/link-polarity';
import { NOW, program } from './program-fixtures';

const type = (name: string, outward: string, inward: string) => ({ name, outward, inward });

/** A-1 holds the outward phrase of `linkType` towards A-2. */
function linked(linkType: { name: string; outward: string; inward: string }) {
  const input = program([{ key: 'A-1' }, { key: 'A-2' }]);
  const [first, second] = input.issues as Array<{ fields: Record<string, unknown> }>;
  if (first) first.fields.issuelinks = [{ id: '1', type: linkType, outwardIssue: { key: 'A-2' } }];
  if (second) second.fields.issuelinks = [{ id: '1', type: linkType, inwardIssue: { key: 'A-1' } }];
  return { ...input, issueLinkTypes: [linkType] };
}

describe('link types classified by both phrases', () => {
  it.each([
    [type('Blocks', 'blocks', 'is blocked by'), 'source-provides'],
    [type('Blocked', 'is blocked by', 'blocks'), 'source-needs'],
    [type('Dependency', 'depends on', 'is depended on by'), 'source-needs'],
    [type('Dependency', 'is depended on by', 'depends on'), 'source-provides'],
    [type('Depends', 'depends upon', 'is depended upon by'), 'source-needs'],
    [type('Depends', 'is depended upon by', 'depends upon'), 'source-provides'],
    [type('Requires', 'requires', 'is required by'), 'source-needs'],
    [type('Required', 'is required by', 'requires'), 'source-provides'],
    [type('Prerequisite', 'is a prerequisite of', 'has prerequisite'), 'source-provides'],
    [type('Prerequisite', 'has prerequisite', 'is a prerequisite of'), 'source-needs'],
  ])('reads %o as %s', (linkType, polarity) => {
    expect(classifyLinkType(linkType).polarity).toBe(polarity);
  });

  it('reads the inward phrase when the outward one says nothing', () => {
    const result = classifyLinkType(type('Sequence', 'comes before', 'is depended upon by'));
    expect(result.polarity).toBe('source-needs');
    expect(result.reason).toContain('inward "is depended upon by"');
  });

  it.each([
    type('Relates', 'relates to', 'relates to'),
    type('Cloners', 'clones', 'is cloned by'),
    type('Duplicate', 'duplicates', 'is duplicated by'),
    type('Problem/Incident', 'causes', 'is caused by'),
  ])('never treats %o as a dependency', (linkType) => {
    const result = classifyLinkType(linkType);
    expect(result).toEqual(expect.objectContaining({ polarity: undefined, suspicious: false }));
    expect(result.reason).toContain('never dependencies');
  });

  it('flags contradictory phrases instead of guessing a direction', () => {
    const result = classifyLinkType(type('Odd', 'blocks', 'blocks'));
    expect(result).toEqual(expect.objectContaining({ polarity: undefined, suspicious: true }));
  });

  it('makes a dependency of a "depends upon" link, from either phrasing', () => {
    const upon = analyseProgram(
      linked(type('Depends', 'depends upon', 'is depended upon by')),
      {},
      { now: NOW },
    );
    expect(upon.dependencies.map((d) => [d.from, d.to])).toEqual([['A-2', 'A-1']]);
    const reversed = analyseProgram(
      linked(type('Depends', 'is depended upon by', 'depends upon')),
      {},
      { now: NOW },
    );
    expect(reversed.dependencies.map((d) => [d.from, d.to])).toEqual([['A-1', 'A-2']]);
  });

  it('lists each type with its classification and reason, and warns about a lookalike', () => {
    const waits = type('Waits for', 'waits for', 'is waited for by');
    const a = analyseProgram({ ...linked(waits), issueLinkTypes: [waits] }, {}, { now: NOW });
    expect(a.linkTypes).toEqual([
      { name: 'Waits for', dependency: null, reason: expect.stringContaining('neither') },
    ]);
    expect(a.dependencies).toEqual([]);
    expect(a.warnings).toEqual([expect.stringContaining('link type "Waits for" looks like a dependency')]);
  });

  it('lets the configured list win over the phrases', () => {
    const relates = type('Relates', 'relates to', 'relates to');
    const a = analyseProgram(
      linked(relates),
      { dependencies: { linkTypes: [{ name: 'Relates', prerequisite: 'target' }] } },
      { now: NOW },
    );
    expect(a.dependencies.map((d) => [d.from, d.to])).toEqual([['A-2', 'A-1']]);
    expect(a.linkTypes).toEqual([
      {
        name: 'Relates',
        dependency: 'prerequisite is the target',
        reason: 'configured: prerequisite is the target',
      },
    ]);
  });
});
