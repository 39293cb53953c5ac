/**
 * Provisioning of the impediment issue type and escalation-level field, as the app, idempotently:
 * everything is looked up first and only what is missing is created, so running it twice (install and
 * upgrade, a Forge retry, the admin's retry) or on a site that already has an "Impediment" type creates
 * nothing twice. What cannot be done automatically becomes a problem with manual steps. A 401/403 is
 * not handled here: the caller decides (the trigger asks Forge to retry later, the resolver reports it).
 */
import type { ProgramConfig } from '../../domain/config/program-config';
import type { JiraClient } from '../../jira/client';
import { listProjectsWithStyle } from '../../jira/impediment-provisioning-requests';
import type { ProvisioningProblem, ProvisioningStatus } from '../../shared/impediment-contract';
import { LEVEL_FIELD_NAME, forgetLevelField } from './impediment-context';
import { provisionLevelField } from './provision-field';
import { provisionIssueType } from './provision-issue-type';
import { addTypeToSchemes, isTeamManaged, teamManagedSteps } from './provision-projects';

export async function provision(
  asApp: JiraClient,
  config: ProgramConfig,
  attempts: number,
  startedAt: string,
  now: () => string,
): Promise<ProvisioningStatus> {
  const typeName = config.impediments.issueType;
  const fieldName = config.fields.escalationLevel ?? LEVEL_FIELD_NAME;
  const levels = config.impediments.levels.map((l) => l.name);
  const problems: ProvisioningProblem[] = [];
  const changes: string[] = [];
  const all = await listProjectsWithStyle(asApp);
  const wanted = config.projects.length > 0 ? config.projects : all.map((p) => p.key);
  const program = all.filter((p) => wanted.includes(p.key));
  for (const key of wanted.filter((k) => !program.some((p) => p.key === k))) {
    problems.push({
      scope: `project ${key}`,
      reason: `${key} is in the program but the app cannot see it (deleted, archived, or hidden from the app).`,
      manualSteps: [`Check that ${key} exists, or remove it from the program in the MetaScrum settings.`],
    });
  }
  const type = await provisionIssueType(asApp, typeName);
  if (type.ok) {
    if (type.created) changes.push(`created the issue type "${type.type.name}" (${type.type.id})`);
    const company = program.filter((p) => !isTeamManaged(p));
    changes.push(...(await addTypeToSchemes(asApp, company, type.type.id, type.type.name)));
  } else {
    problems.push(type.problem);
  }
  const field = await provisionLevelField(asApp, fieldName, type.ok ? type.type.id : undefined, levels);
  if (field.ok) changes.push(...field.changes);
  else problems.push(field.problem);
  for (const project of program.filter(isTeamManaged)) {
    problems.push(teamManagedSteps(project, typeName, field.ok ? field.field.name : fieldName, levels));
  }
  forgetLevelField();
  return {
    state: problems.length === 0 ? 'done' : 'partial',
    startedAt,
    finishedAt: now(),
    attempts,
    issueType: type.ok ? { id: type.type.id, name: type.type.name, created: type.created } : null,
    field: field.ok ? { id: field.field.id, name: field.field.name, created: field.created } : null,
    changes,
    problems,
  };
}
