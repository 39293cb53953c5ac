/**
 * Team x team matrix (DOMAIN.md): rows = the team that needs, columns = the team that provides; each
 * cell counts open cross-team dependencies and how many of them are sprint-order conflicts.
 */
import type { OpenDependency } from './open-dependencies';

export interface MatrixCell {
  needs: string;
  provides: string;
  dependencies: number;
  conflicts: number;
}

export interface TeamMatrix {
  teams: string[];
  /** Non-empty cells, by needing team then providing team. */
  cells: MatrixCell[];
}

export function teamMatrix(dependencies: readonly OpenDependency[], teams: readonly string[]): TeamMatrix {
  const cells = new Map<string, MatrixCell>();
  const seenTeams = new Set(teams);
  for (const d of dependencies) {
    if (!d.crossTeam) continue;
    seenTeams.add(d.toTeam).add(d.fromTeam);
    const id = `${d.toTeam}\u0000${d.fromTeam}`;
    const cell = cells.get(id) ?? { needs: d.toTeam, provides: d.fromTeam, dependencies: 0, conflicts: 0 };
    cell.dependencies++;
    if (d.status === 'conflict') cell.conflicts++;
    cells.set(id, cell);
  }
  const byTeams = (a: MatrixCell, b: MatrixCell) =>
    a.needs === b.needs ? compare(a.provides, b.provides) : compare(a.needs, b.needs);
  return { teams: [...seenTeams].sort(compare), cells: [...cells.values()].sort(byTeams) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
