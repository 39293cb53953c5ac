/** One impediment backlog as a table: what it is, how old, how long at its level, its SLA and what it blocks. */
import { token } from '@atlaskit/tokens';
import type { BacklogItem } from '../../../../src/shared/impediment-contract';
import { IssueLink } from '../../components/IssueLink';
import { TableHead, tableCell } from '../../components/TableHead';
import { formatNumber } from '../../format';
import { SlaLozenge } from './SlaLozenge';

const days = (value: number | null) => (value === null ? '—' : `${formatNumber(value)} d`);

export function BacklogTable({
  items,
  label,
  showLevel = false,
}: {
  items: readonly BacklogItem[];
  label: string;
  showLevel?: boolean;
}) {
  if (items.length === 0)
    return <p style={{ color: token('color.text.subtle') }}>No open impediment here.</p>;
  const columns = [
    'Impediment',
    'Summary',
    ...(showLevel ? ['Level'] : []),
    'Age',
    'At level',
    'SLA',
    'Blocks',
  ];
  return (
    <table aria-label={label} style={{ width: '100%', borderCollapse: 'collapse' }}>
      <TableHead columns={columns} />
      <tbody>
        {items.map((item) => (
          <tr
            key={item.key}
            data-testid={`impediment-row-${item.key}`}
            style={{ borderTop: `1px solid ${token('color.border')}` }}
          >
            <td style={tableCell}>
              <IssueLink issueKey={item.key} />
            </td>
            <td style={tableCell}>{item.summary}</td>
            {showLevel && <td style={tableCell}>{item.level}</td>}
            <td style={tableCell}>{days(item.ageDays)}</td>
            <td style={tableCell}>
              {days(item.daysAtLevel)}
              {item.slaDays !== null && (
                <span style={{ color: token('color.text.subtlest') }}> of {item.slaDays} d</span>
              )}
            </td>
            <td style={tableCell}>
              <SlaLozenge status={item.slaStatus} />
            </td>
            <td style={tableCell}>
              {item.blocks.length === 0
                ? '—'
                : item.blocks.map((key, i) => (
                    <span key={key}>
                      {i > 0 && ', '}
                      <IssueLink issueKey={key} />
                    </span>
                  ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
