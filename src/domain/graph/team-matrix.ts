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
  // Cells by needing team, then providing team: no "to\0from" string made per dependency.
  const rows = new Map<string, Map<string, MatrixCell>>();
  const cells: MatrixCell[] = [];
  const seenTeams = new Set(teams);
  for (let i = 0; i < dependencies.length; i++) {
    const d = dependencies[i];
    if (d === undefined || !d.crossTeam) continue;
    seenTeams.add(d.toTeam).add(d.fromTeam);
    let row = rows.get(d.toTeam);
    if (!row) rows.set(d.toTeam, (row = new Map<string, MatrixCell>()));
    let cell = row.get(d.fromTeam);
    if (!cell) {
      cell = { needs: d.toTeam, provides: d.fromTeam, dependencies: 0, conflicts: 0 };
      row.set(d.fromTeam, cell);
      cells.push(cell);
    }
    cell.dependencies++;
    if (d.status === 'conflict') cell.conflicts++;
  }
  const byTeams = (a: MatrixCell, b: MatrixCell) =>
    a.needs === b.needs ? compare(a.provides, b.provides) : compare(a.needs, b.needs);
  return { teams: [...seenTeams].sort(compare), cells: cells.sort(byTeams) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
