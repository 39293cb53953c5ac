/**
 * Makes the Impediment type available in the program's company-managed projects by adding it to their
 * issue type schemes (the default scheme already holds every type). Team-managed projects keep their
 * own types and fields, which the REST API cannot add: they get manual steps instead.
 */
import type { JiraClient } from '../../jira/client';
import {
  addIssueTypeToScheme,
  issueTypesOfScheme,
  schemesOfProjects,
  type StyledProject,
} from '../../jira/impediment-provisioning-requests';
import type { ProvisioningProblem } from '../../shared/impediment-contract';

export function isTeamManaged(project: StyledProject): boolean {
  return project.simplified === true || project.style === 'next-gen';
}

export function teamManagedSteps(
  project: StyledProject,
  typeName: string,
  fieldName: string,
  levels: readonly string[],
): ProvisioningProblem {
  return {
    scope: `project ${project.key}`,
    reason: `${project.key} (${project.name}) is team-managed: its issue types and fields belong to the project, and Jira's REST API cannot add the site's types to it.`,
    manualSteps: [
      `In ${project.key}, open Project settings > Issue types and add a type named "${typeName}".`,
      `Add a Dropdown field named "${fieldName}" to it with the options ${levels.map((l) => `"${l}"`).join(', ')}.`,
      'MetaScrum finds both by name; retry provisioning afterwards to confirm.',
    ],
  };
}

export async function addTypeToSchemes(
  client: JiraClient,
  projects: readonly StyledProject[],
  issueTypeId: string,
  typeName: string,
): Promise<string[]> {
  const changes: string[] = [];
  if (projects.length === 0) return changes;
  const schemes = await schemesOfProjects(
    client,
    projects.map((p) => p.id),
  );
  for (const scheme of schemes) {
    if (scheme.isDefault) continue;
    if ((await issueTypesOfScheme(client, scheme.schemeId)).includes(issueTypeId)) continue;
    await addIssueTypeToScheme(client, scheme.schemeId, issueTypeId);
    const keys = projects.filter((p) => scheme.projectIds.includes(p.id)).map((p) => p.key);
    changes.push(`added "${typeName}" to issue type scheme ${scheme.schemeId} (${keys.join(', ')})`);
  }
  return changes;
}
