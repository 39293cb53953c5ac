/** The program backlog as a sortable table; sort keys are the raw values, cells are plain text. */
import DynamicTable from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import type { EpicRow } from '../../../../src/shared/contract';
import { IssueLink } from '../../components/IssueLink';
import { StatusLozenge } from '../../components/StatusLozenge';

const STATUS_ORDER = { new: 0, indeterminate: 1, done: 2 } as const;

const head: HeadType = {
  cells: [
    { key: 'rank', content: 'Rank', isSortable: true, width: 6 },
    { key: 'key', content: 'Key', isSortable: true, width: 10 },
    { key: 'summary', content: 'Summary', isSortable: true },
    { key: 'team', content: 'Team', isSortable: true, width: 10 },
    { key: 'status', content: 'Status', isSortable: true, width: 14 },
    { key: 'children', content: 'Open / total', isSortable: true, width: 12 },
  ],
};

function rowFor(epic: EpicRow): RowType {
  return {
    key: epic.key,
    testId: `epic-${epic.key}`,
    cells: [
      { key: epic.programRank, content: epic.programRank },
      { key: epic.key, content: <IssueLink issueKey={epic.key} /> },
      { key: epic.summary.toLowerCase(), content: epic.summary },
      { key: epic.projectKey, content: epic.projectKey },
      { key: STATUS_ORDER[epic.statusCategory], content: <StatusLozenge issue={epic} /> },
      { key: epic.openChildCount, content: `${epic.openChildCount} / ${epic.childCount}` },
    ],
  };
}

export function EpicTable({ epics }: { epics: EpicRow[] }) {
  return (
    <DynamicTable
      caption="Epics in MetaScrum order"
      head={head}
      rows={epics.map(rowFor)}
      defaultSortKey="rank"
      defaultSortOrder="ASC"
      rowsPerPage={50}
      testId="epic-table"
    />
  );
}
