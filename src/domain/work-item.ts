/**
 * A Jira issue as the domain sees it. Normalisation is lenient on purpose (DOMAIN.md): real payloads
 * lack fields, so an issue without `project` takes it from its key, and an unknown status category
 * counts as open work.
 */
import { dependencyPolarity, directionFrom, type DependencyDirection } from './dependencies/link-polarity';

export type StatusCategory = 'new' | 'indeterminate' | 'done';

export interface WorkItem {
  key: string;
  summary: string;
  statusName: string;
  statusCategory: StatusCategory;
  projectKey: string;
  issueType: string;
  /** 1 = epic, 0 = backlog item, -1 = sub-task; undefined when Jira did not say. */
  hierarchyLevel: number | undefined;
  parentKey: string | undefined;
  dependencies: ItemDependency[];
}

export interface ItemDependency {
  direction: DependencyDirection;
  linkType: string;
  phrase: string;
  other: Omit<WorkItem, 'dependencies' | 'parentKey' | 'hierarchyLevel'>;
}

/** The structural subset of a Jira issue that normalisation reads (any extra keys are ignored). */
export interface IssueLike {
  key: string;
  fields?:
    | {
        summary?: string | undefined;
        status?: { name: string; statusCategory?: { key: string } | undefined } | undefined;
        project?: { key: string } | undefined;
        issuetype?: { name: string; hierarchyLevel?: number | undefined } | undefined;
        parent?: { key: string } | null | undefined;
        issuelinks?: LinkLike[] | undefined;
      }
    | undefined;
}

export interface LinkLike {
  type: { name: string; inward: string; outward: string };
  inwardIssue?: IssueLike | undefined;
  outwardIssue?: IssueLike | undefined;
}

export function projectKeyOf(issueKey: string): string {
  return issueKey.slice(0, Math.max(0, issueKey.lastIndexOf('-')));
}

function statusCategoryOf(key: string | undefined): StatusCategory {
  return key === 'new' || key === 'done' ? key : 'indeterminate';
}

function basics(issue: IssueLike): ItemDependency['other'] {
  const f = issue.fields;
  return {
    key: issue.key,
    summary: f?.summary ?? '',
    statusName: f?.status?.name ?? 'Unknown',
    statusCategory: statusCategoryOf(f?.status?.statusCategory?.key),
    projectKey: f?.project?.key ?? projectKeyOf(issue.key),
    issueType: f?.issuetype?.name ?? 'Unknown',
  };
}

function dependencyOf(link: LinkLike): ItemDependency | undefined {
  const polarity = dependencyPolarity(link.type);
  const otherSide = link.outwardIssue ? 'outward' : link.inwardIssue ? 'inward' : undefined;
  const other = link.outwardIssue ?? link.inwardIssue;
  if (!polarity || !otherSide || !other) return undefined;
  return {
    direction: directionFrom(polarity, otherSide),
    linkType: link.type.name,
    phrase: otherSide === 'outward' ? link.type.outward : link.type.inward,
    other: basics(other),
  };
}

export function toWorkItem(issue: IssueLike): WorkItem {
  const links = issue.fields?.issuelinks ?? [];
  return {
    ...basics(issue),
    hierarchyLevel: issue.fields?.issuetype?.hierarchyLevel,
    parentKey: issue.fields?.parent?.key,
    dependencies: links.flatMap((link) => dependencyOf(link) ?? []),
  };
}

/** Links that exist on the issue but are not dependencies (relates, duplicates, clones...). */
export function countNonDependencyLinks(issue: IssueLike): number {
  return (issue.fields?.issuelinks ?? []).filter((link) => !dependencyPolarity(link.type)).length;
}
