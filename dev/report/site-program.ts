/**
 * Reads a program from a real Jira Cloud site through the app's own Jira client and HTTP transport:
 * the field catalog, the boards' estimation fields, the link types, and every issue of the program's
 * projects (with every field the resolution may read, and the escalation property), paged with
 * `nextPageToken` like the gateway does. Fields are resolved by the engine, as the app resolves them.
 */
import { z } from 'zod';
import { JiraClient } from '../../src/jira/client';
import { httpTransport } from '../../src/jira/http-transport';
import { projectIn } from '../../src/jira/jql';
import { listBrowsableProjects, listIssueLinkTypes } from '../../src/jira/reads';
import { collectTokenPages, SEARCH_PAGE_SIZE } from '../../src/jira/search';
import { resolvedFieldIds } from '../../src/domain/config/field-resolution';
import { resolveFields } from '../../src/domain/config/resolve-fields';
import { storyPointCandidates } from '../../src/domain/config/resolve-story-points';
import { listBoardEstimations, listFields } from '../../src/jira/fields';
import type { ProgramConfig } from '../../src/domain/config/program-config';
import type { ProgramInput } from '../../src/domain/analyse-program';
import type { SiteAccess } from './cli-args';

const PageSchema = z.looseObject({
  issues: z.array(z.unknown()),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});

const SYSTEM_FIELDS = [
  'summary',
  'status',
  'project',
  'issuetype',
  'parent',
  'issuelinks',
  'created',
  // Not read by the engine, but a saved reply is a complete Jira issue that other tools read back.
  'updated',
  'resolutiondate',
  'description',
  'duedate',
  'fixVersions',
];

export async function readSiteProgram(access: SiteAccess, config: ProgramConfig): Promise<ProgramInput> {
  const client = new JiraClient(
    httpTransport({
      baseUrl: access.site,
      auth: { kind: 'basic', email: access.email, apiToken: access.token },
    }),
  );
  const fields = await listFields(client);
  const issueLinkTypes = await listIssueLinkTypes(client);
  const projects =
    config.projects.length > 0 ? config.projects : (await listBrowsableProjects(client)).map((p) => p.key);
  if (projects.length === 0) return { issues: [], fields, issueLinkTypes };
  const estimations = await listBoardEstimations(client, projects);
  // Board configurations in the shape the engine reads (`location.projectKey`, `estimation.field`).
  const boards = estimations.map((b) => ({
    id: b.boardId,
    location: { projectKey: b.projectKey },
    ...(b.fieldId === undefined ? {} : { estimation: { field: { fieldId: b.fieldId } } }),
  }));
  const roles = resolveFields({
    catalog: fields,
    boards: estimations,
    observed: new Map(),
    overrides: config.fields,
  });
  const wanted = [
    ...new Set([...SYSTEM_FIELDS, ...resolvedFieldIds(roles), ...storyPointCandidates(fields, estimations)]),
  ];
  const issues = await collectTokenPages(async (nextPageToken) => {
    const page = await client.send(
      {
        method: 'POST',
        path: '/rest/api/3/search/jql',
        body: {
          jql: `${projectIn(projects)} ORDER BY Rank ASC`,
          fields: wanted,
          properties: [config.impediments.historyProperty],
          maxResults: SEARCH_PAGE_SIZE,
          ...(nextPageToken ? { nextPageToken } : {}),
        },
      },
      PageSchema,
    );
    return { items: page.issues, nextPageToken: page.isLast === true ? undefined : page.nextPageToken };
  });
  return { issues, fields, issueLinkTypes, boards };
}
