/** Team x team dependency matrix as a heat map: rows need, columns provide; conflicts counted in red. */
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { Steering } from '../../../../src/shared/contract';

const HEAT = [
  'color.background.neutral.subtle',
  'color.background.accent.blue.subtlest',
  'color.background.accent.blue.subtler',
  'color.background.accent.blue.subtle',
] as const;

export function MatrixHeatMap({ matrix }: { matrix: Steering['matrix'] }) {
  const { teams, cells } = matrix;
  if (teams.length === 0) return <p>No cross-team dependencies.</p>;
  const at = (needs: string, provides: string) =>
    cells.find((c) => c.needs === needs && c.provides === provides);
  const max = Math.max(1, ...cells.map((c) => c.dependencies));
  const pad = { padding: `${token('space.050')} ${token('space.100')}`, textAlign: 'center' as const };
  return (
    <div>
      <Heading size="xsmall" as="h3">
        Team dependency matrix
      </Heading>
      <table data-testid="matrix" style={{ borderCollapse: 'collapse' }}>
        <caption
          style={{ font: token('font.body.small'), textAlign: 'left', color: token('color.text.subtle') }}
        >
          Row team needs column team: dependencies (conflicts)
        </caption>
        <thead>
          <tr>
            <th scope="col" style={pad}>
              needs ↓ / provides →
            </th>
            {teams.map((t) => (
              <th key={t} scope="col" style={pad}>
                {t}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {teams.map((row) => (
            <tr key={row}>
              <th scope="row" style={pad}>
                {row}
              </th>
              {teams.map((col) => {
                const c = at(row, col);
                const level = c ? Math.min(3, Math.ceil((c.dependencies / max) * 3)) : 0;
                return (
                  <td
                    key={col}
                    data-testid={`cell-${row}-${col}`}
                    style={{
                      ...pad,
                      background: token(HEAT[level] ?? HEAT[0]),
                      border: `1px solid ${c && c.conflicts > 0 ? token('color.border.danger') : token('color.border')}`,
                      color: token('color.text'),
                    }}
                  >
                    {c ? (
                      <>
                        {c.dependencies}
                        {c.conflicts > 0 && (
                          <span style={{ color: token('color.text.danger') }}> ({c.conflicts})</span>
                        )}
                      </>
                    ) : (
                      ''
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
