import { analyseProgram } from '../../src/domain/analyse-program';
import { NOW, program, stories } from './program-fixtures';

const analyse = (input: ReturnType<typeof program>) => analyseProgram(input, {}, { now: NOW });

describe('named dependency graphs', () => {
  it('reports a self-link as a one-issue cycle and still finds a critical path', () => {
    const a = analyse(program(stories('A-1'), [['A-1', 'A-1']]));
    expect(a.cycles).toEqual([{ keys: ['A-1'], path: ['A-1', 'A-1'], teams: ['A'] }]);
    expect(a.criticalPath).toEqual({ keys: ['A-1'], length: 1, teams: ['A'] });
    expect(a.dependencies).toEqual([expect.objectContaining({ from: 'A-1', to: 'A-1', crossTeam: false })]);
  });

  it('counts parallel links between the same two issues as one dependency', () => {
    const a = analyse(
      program(stories('P-1', 'P-2', 'P-3'), [
        ['P-2', 'P-3'],
        ['P-1', 'P-2'],
        ['P-2', 'P-3'],
        ['P-1', 'P-2'],
        ['P-3', 'P-1'],
      ]),
    );
    expect(a.dependencies.map((d) => `${d.from}>${d.to}`)).toEqual(['P-1>P-2', 'P-2>P-3', 'P-3>P-1']);
    expect(a.trail('P-1', 'downstream').map((s) => [s.key, s.depth])).toEqual([
      ['P-2', 1],
      ['P-3', 2],
    ]);
  });

  it('walks a diamond without cycles, with depths, and takes its heavier branch as critical path', () => {
    const input = program(
      [
        { key: 'D-1', points: 1 },
        { key: 'D-2', points: 5 },
        { key: 'D-3', points: 2 },
        { key: 'D-4', points: 1 },
      ],
      [
        ['D-1', 'D-2'],
        ['D-1', 'D-3'],
        ['D-2', 'D-4'],
        ['D-3', 'D-4'],
      ],
    );
    const a = analyse(input);
    expect(a.cycles).toEqual([]);
    expect(a.criticalPath).toEqual({ keys: ['D-1', 'D-2', 'D-4'], length: 7, teams: ['D'] });
    expect(a.trail('D-4', 'upstream')).toEqual([
      { key: 'D-2', team: 'D', depth: 1 },
      { key: 'D-3', team: 'D', depth: 1 },
      { key: 'D-1', team: 'D', depth: 2 },
    ]);
    expect(a.trail('D-1', 'downstream').map((s) => [s.key, s.depth])).toEqual([
      ['D-2', 1],
      ['D-3', 1],
      ['D-4', 2],
    ]);
  });

  it('lists a cycle against key order as the closed path its links make', () => {
    const a = analyse(
      program(stories('K-1', 'K-2', 'K-3'), [
        ['K-1', 'K-3'],
        ['K-3', 'K-2'],
        ['K-2', 'K-1'],
      ]),
    );
    expect(a.cycles.map((c) => c.path)).toEqual([['K-1', 'K-3', 'K-2', 'K-1']]);
  });

  it('walks a figure eight (two cycles sharing an issue) as one closed path over real links', () => {
    const links: Array<[string, string]> = [
      ['E-1', 'E-2'],
      ['E-2', 'E-1'],
      ['E-1', 'E-3'],
      ['E-3', 'E-1'],
    ];
    const path = analyse(program(stories('E-1', 'E-2', 'E-3'), links)).cycles[0]?.path ?? [];
    expect(path).toEqual(['E-1', 'E-2', 'E-1', 'E-3', 'E-1']);
    const edges = new Set(links.map(([from, to]) => `${from}>${to}`));
    expect(path.slice(1).every((to, i) => edges.has(`${path[i] ?? ''}>${to}`))).toBe(true);
  });

  it('finds two cycles and condenses both on the critical path', () => {
    const a = analyse(
      program(stories('C-1', 'C-2', 'C-3', 'C-4', 'C-5'), [
        ['C-1', 'C-2'],
        ['C-2', 'C-1'],
        ['C-2', 'C-3'],
        ['C-3', 'C-4'],
        ['C-4', 'C-5'],
        ['C-5', 'C-3'],
      ]),
    );
    expect(a.cycles.map((c) => c.keys)).toEqual([
      ['C-1', 'C-2'],
      ['C-3', 'C-4', 'C-5'],
    ]);
    // In dependency order (prerequisite → dependant), not key order: C-5 needs C-4, C-3 needs C-5.
    expect(a.cycles.map((c) => c.path)).toEqual([
      ['C-1', 'C-2', 'C-1'],
      ['C-3', 'C-4', 'C-5', 'C-3'],
    ]);
    expect(a.criticalPath.keys).toEqual(['C-1', 'C-2', 'C-3', 'C-4', 'C-5']);
    expect(a.criticalPath.length).toBe(5);
  });

  it('keeps disconnected components apart and picks the longer chain', () => {
    const a = analyse(
      program(
        [
          ...stories('P-1', 'P-2'),
          { key: 'Q-1', points: 3 },
          { key: 'Q-2', points: 3 },
          { key: 'Q-3', points: 3 },
        ],
        [
          ['P-1', 'P-2'],
          ['Q-1', 'Q-2'],
          ['Q-2', 'Q-3'],
        ],
      ),
    );
    expect(a.cycles).toEqual([]);
    expect(a.criticalPath).toEqual({ keys: ['Q-1', 'Q-2', 'Q-3'], length: 9, teams: ['Q'] });
    expect(a.trail('P-2', 'upstream').map((s) => s.key)).toEqual(['P-1']);
  });

  it('follows a chain across four teams into the matrix, the critical path and "unblocks"', () => {
    const input = program(
      [
        { key: 'W-1', type: 'Epic', wsjf: [1, 1, 1, 1] },
        { key: 'W-2', parent: 'W-1', points: 2 },
        ...['X', 'Y', 'Z'].flatMap((t) => [
          { key: `${t}-1`, type: 'Epic' as const, wsjf: [8, 8, 8, 1] as [number, number, number, number] },
          { key: `${t}-2`, parent: `${t}-1`, points: 2 },
        ]),
      ],
      [
        ['W-2', 'X-2'],
        ['X-2', 'Y-2'],
        ['Y-2', 'Z-2'],
      ],
    );
    const a = analyse(input);
    expect(a.criticalPath).toEqual({
      keys: ['W-2', 'X-2', 'Y-2', 'Z-2'],
      length: 8,
      teams: ['W', 'X', 'Y', 'Z'],
    });
    expect(a.matrix.cells).toEqual([
      { needs: 'X', provides: 'W', dependencies: 1, conflicts: 0 },
      { needs: 'Y', provides: 'X', dependencies: 1, conflicts: 0 },
      { needs: 'Z', provides: 'Y', dependencies: 1, conflicts: 0 },
    ]);
    expect(a.dependencies.every((d) => d.crossTeam && d.status === 'unplanned')).toBe(true);
    const w = a.priority.epics.find((e) => e.key === 'W-1');
    expect(w?.unblocks).toEqual({ teams: ['X', 'Y', 'Z'], items: 3 });
    // W-1 has the lowest WSJF but every other epic needs it, transitively: prerequisites first.
    expect(a.priority.suggested).toEqual(['W-1', 'X-1', 'Y-1', 'Z-1']);
    expect(a.epicDependencies.map((e) => `${e.from}>${e.to}`)).toEqual(['W-1>X-1', 'X-1>Y-1', 'Y-1>Z-1']);
  });
});
