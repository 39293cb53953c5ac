/**
 * One impediment backlog as Atlaskit's DynamicTable: what it is, how old, how long at its level, its SLA
 * and what it blocks. In the server's order (oldest breach first) until a sortable header is chosen.
 */
import DynamicTable from '@atlaskit/dynamic-table';
import { token } from '@atlaskit/tokens';
import type { BacklogItem } from '../../../../src/shared/impediment-contract';
import { IssueLink } from '../../components/IssueLink';
import { formatNumber } from '../../format';
import { SlaLozenge } from './SlaLozenge';

const days = (value: number | null) => (value === null ? '—' : `${formatNumber(value)} d`);
/** Unknown ages sort last whichever way round: the table sorts by these keys. */
const ageKey = (value: number | null) => value ?? -1;
const SLA_ORDER = { breached: 0, 'at-risk': 1, ok: 2, none: 3 } as const;

function cellsOf(item: BacklogItem, showLevel: boolean) {
  return [
    { key: item.key, content: <IssueLink issueKey={item.key} /> },
    { key: item.summary, content: item.summary },
    ...(showLevel ? [{ key: item.level, content: item.level }] : []),
    { key: ageKey(item.ageDays), content: days(item.ageDays) },
    {
      key: ageKey(item.daysAtLevel),
      content: (
        <>
          {days(item.daysAtLevel)}
          {item.slaDays !== null && (
            <span style={{ color: token('color.text.subtlest') }}> of {item.slaDays} d</span>
          )}
        </>
      ),
    },
    { key: SLA_ORDER[item.slaStatus], content: <SlaLozenge status={item.slaStatus} /> },
    {
      key: item.blocks.length,
      content:
        item.blocks.length === 0
          ? '—'
          : item.blocks.map((key, i) => (
              <span key={key}>
                {i > 0 && ', '}
                <IssueLink issueKey={key} />
              </span>
            )),
    },
  ];
}

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
  const head = [
    { key: 'key', content: 'Impediment' },
    { key: 'summary', content: 'Summary' },
    ...(showLevel ? [{ key: 'level', content: 'Level', isSortable: true }] : []),
    { key: 'age', content: 'Age', isSortable: true },
    { key: 'atLevel', content: 'At level', isSortable: true },
    { key: 'sla', content: 'SLA', isSortable: true },
    { key: 'blocks', content: 'Blocks', isSortable: true },
  ];
  return (
    <DynamicTable
      label={label}
      head={{ cells: head }}
      rows={items.map((item) => ({
        key: item.key,
        testId: `impediment-row-${item.key}`,
        cells: cellsOf(item, showLevel),
      }))}
    />
  );
}
