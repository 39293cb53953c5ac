/**
 * An issue's dependencies. From the snapshot when it holds the issue: Jira is asked, as the user, which
 * of the issue and its linked issues they may browse (project permissions and issue security), the
 * issue itself must be one of them, and a linked issue that is not is counted, never shown. An issue
 * the snapshot does not hold yet (created since the last sync, or outside the program) is read live as
 * the user, where Jira leaves out what they may not see.
 */
import { countNonDependencyLinks, toWorkItem, type IssueLike } from '../domain/work-item';
import { browsableIssueIds } from '../jira/permissions';
import { getIssue, ISSUE_REF_FIELDS } from '../jira/reads';
import type { JiraIssue } from '../jira/schemas';
import type { IssueDependencies } from '../shared/contract';
import { readManifest } from '../storage/snapshot-store';
import { NotFound } from './errors';
import { toIssueRef } from './issue-ref';
import { readStoredIssue, snapshotInfo } from './snapshot/snapshot-reader';
import { requestSnapshotJob } from './snapshot/snapshot-requests';
import { browsableProjectsOf } from './user-access';
import type { Viewer } from './viewer';

function dependenciesOf(issue: IssueLike): Omit<IssueDependencies, 'snapshot' | 'hiddenIssueCount'> {
  const item = toWorkItem(issue);
  return {
    issue: toIssueRef(item),
    dependencies: item.dependencies.map((d) => ({
      direction: d.direction,
      linkType: d.linkType,
      phrase: d.phrase,
      issue: toIssueRef(d.other),
      crossTeam: d.other.projectKey !== item.projectKey,
    })),
    otherLinkCount: countNonDependencyLinks(issue),
  };
}

const linkedIdOf = (link: NonNullable<NonNullable<JiraIssue['fields']>['issuelinks']>[number]) =>
  (link.outwardIssue ?? link.inwardIssue)?.id;

async function infoFor(viewer: Viewer, manifest: Awaited<ReturnType<typeof readManifest>>) {
  if (!manifest || manifest.partial.length === 0) return snapshotInfo(manifest, viewer.now, new Set());
  const browsable = await browsableProjectsOf(viewer.asUser, viewer.accountId, viewer.now);
  return snapshotInfo(manifest, viewer.now, new Set(browsable.keys()));
}

export async function issueDependencies(viewer: Viewer, issueKey: string): Promise<IssueDependencies> {
  const manifest = await readManifest();
  const stored = manifest ? await readStoredIssue(manifest, issueKey) : undefined;
  if (!manifest) await requestSnapshotJob({ reason: 'requested', mode: 'full' }, viewer.now);
  if (!manifest || !stored) {
    const live = await getIssue(viewer.asUser, issueKey, [...ISSUE_REF_FIELDS, 'issuelinks']);
    return { ...dependenciesOf(live), snapshot: await infoFor(viewer, manifest) };
  }
  const links = stored.fields?.issuelinks ?? [];
  const linkedIds = links.flatMap((l) => linkedIdOf(l) ?? []);
  const visible = await browsableIssueIds(viewer.asUser, [stored.id, ...linkedIds]);
  // Same answer as for an issue that does not exist: the user learns nothing about hidden issues.
  if (!visible.has(stored.id))
    throw new NotFound('Issue does not exist or you do not have permission to see it.');
  const shown = links.filter((l) => {
    const id = linkedIdOf(l);
    return id !== undefined && visible.has(id);
  });
  const hidden = new Set(linkedIds.filter((id) => !visible.has(id)));
  const filtered: IssueLike = { key: stored.key, fields: { ...stored.fields, issuelinks: shown } };
  return {
    ...dependenciesOf(filtered),
    hiddenIssueCount: hidden.size,
    snapshot: await infoFor(viewer, manifest),
  };
}
