/** The plain tables of the admin page and the gadget: one cell style and a header row from labels. */
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';

export const tableCell = {
  padding: `${token('space.050')} ${token('space.100')}`,
  textAlign: 'left' as const,
};

export function TableHead({ columns }: { columns: readonly ReactNode[] }) {
  return (
    <thead>
      <tr>
        {columns.map((label, i) => (
          <th key={i} scope="col" style={tableCell}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
