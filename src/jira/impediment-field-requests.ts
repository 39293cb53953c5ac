/**
 * The escalation-level field's configuration calls (Administer Jira, `manage:jira-configuration`): the
 * field list, the select field itself, its contexts and options, and the default screen.
 */
import { z } from 'zod';
import type { JiraClient } from './client';
import { JiraBadRequest } from './errors';
import { jiraPath } from './transport';

export const SELECT_FIELD_TYPE = 'com.atlassian.jira.plugin.system.customfieldtypes:select';
/** Without a searcher a field created over REST is not searchable with JQL. */
export const SELECT_SEARCHER = 'com.atlassian.jira.plugin.system.customfieldtypes:multiselectsearcher';

const FieldSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  custom: z.boolean().optional(),
  schema: z.looseObject({ type: z.string().optional(), custom: z.string().optional() }).optional(),
});
export type ProvisionedField = z.infer<typeof FieldSchema>;

export function listAllFields(client: JiraClient) {
  return client.send({ method: 'GET', path: '/rest/api/3/field' }, z.array(FieldSchema));
}

export function createSelectField(client: JiraClient, name: string, description: string) {
  return client.send(
    {
      method: 'POST',
      path: '/rest/api/3/field',
      body: { name, description, type: SELECT_FIELD_TYPE, searcherKey: SELECT_SEARCHER },
    },
    FieldSchema,
  );
}

const ContextPageSchema = z.looseObject({
  values: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      isGlobalContext: z.boolean().optional(),
      isAnyIssueType: z.boolean().optional(),
    }),
  ),
});

export async function listFieldContexts(client: JiraClient, fieldId: string) {
  const page = await client.send(
    { method: 'GET', path: jiraPath`/rest/api/3/field/${fieldId}/context`, query: { maxResults: 100 } },
    ContextPageSchema,
  );
  return page.values;
}

export function createGlobalContext(client: JiraClient, fieldId: string, name: string, issueTypeId: string) {
  return client.send(
    {
      method: 'POST',
      path: jiraPath`/rest/api/3/field/${fieldId}/context`,
      body: {
        name,
        description: 'Escalation levels of MetaScrum impediments',
        projectIds: [],
        issueTypeIds: [issueTypeId],
      },
    },
    z.looseObject({ id: z.string() }),
  );
}

const OptionPageSchema = z.looseObject({
  values: z.array(z.looseObject({ id: z.string(), value: z.string(), disabled: z.boolean().optional() })),
  isLast: z.boolean().optional(),
});

export async function listContextOptions(client: JiraClient, fieldId: string, contextId: string) {
  const page = await client.send(
    {
      method: 'GET',
      path: jiraPath`/rest/api/3/field/${fieldId}/context/${contextId}/option`,
      query: { maxResults: 100 },
    },
    OptionPageSchema,
  );
  return page.values;
}

export function addContextOptions(
  client: JiraClient,
  fieldId: string,
  contextId: string,
  values: readonly string[],
) {
  return client.sendWithoutReply({
    method: 'POST',
    path: jiraPath`/rest/api/3/field/${fieldId}/context/${contextId}/option`,
    body: { options: values.map((value) => ({ value, disabled: false })) },
  });
}

/** Renames options in place (`PUT .../option`): issues keep the option by id and show its new value. */
export function updateContextOptions(
  client: JiraClient,
  fieldId: string,
  contextId: string,
  options: ReadonlyArray<{ id: string; value: string }>,
) {
  return client.sendWithoutReply({
    method: 'PUT',
    path: jiraPath`/rest/api/3/field/${fieldId}/context/${contextId}/option`,
    body: { options: options.map(({ id, value }) => ({ id, value })) },
  });
}

/**
 * Puts the field on the default tab of the default screen, so it shows on the issue. Jira answers 400
 * when it is there already: that is success for us.
 */
export async function addFieldToDefaultScreen(client: JiraClient, fieldId: string): Promise<boolean> {
  try {
    await client.sendWithoutReply({
      method: 'POST',
      path: jiraPath`/rest/api/3/screens/addToDefault/${fieldId}`,
    });
    return true;
  } catch (error) {
    if (error instanceof JiraBadRequest) return false;
    throw error;
  }
}
