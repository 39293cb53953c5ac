import type { DatasetIssue, DatasetLinkType } from '../dataset/schema';
import type { LinkRecord } from './stored-issue';

/**
 * Jira shows each link on both issues: on X, `outwardIssue: Y` means "X <outward> Y" and
 * `inwardIssue: Y` means "Y <outward> X". Exports often hold only one side, so records are deduped by
 * link id and a link known from either side is kept; links to issues outside the dataset are dropped.
 */
export function linkRecordsFrom(
  issues: readonly DatasetIssue[],
  idByKey: ReadonlyMap<string, string>,
): { links: LinkRecord[]; linkTypes: DatasetLinkType[] } {
  const links = new Map<string, LinkRecord>();
  const linkTypes = new Map<string, DatasetLinkType>();
  for (const issue of issues) {
    for (const link of issue.fields.issuelinks ?? []) {
      if (links.has(link.id)) continue;
      const other = link.outwardIssue ?? link.inwardIssue;
      if (!other) continue;
      const otherId = idByKey.get(other.key) ?? (idByKey.size > 0 ? undefined : other.id);
      if (otherId === undefined) continue;
      const outward = link.outwardIssue !== undefined;
      links.set(link.id, {
        id: link.id,
        typeId: link.type.id,
        fromId: outward ? issue.id : otherId,
        toId: outward ? otherId : issue.id,
      });
      const { id, name, inward, outward: outwardName } = link.type;
      linkTypes.set(id, { id, name, inward, outward: outwardName });
    }
  }
  return { links: [...links.values()], linkTypes: [...linkTypes.values()] };
}
