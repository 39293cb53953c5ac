/**
 * The Jira calls of the escalation ladder: the history property and its claims, comments, the level
 * field, the done transition, owner lookup and notification, and the edit-permission check. One request
 * shape and one lenient schema each; nothing here decides anything.
 */
import { z } from 'zod';
import type { JiraClient } from './client';
import { JiraNotFound } from './errors';
import { jiraPath } from './transport';

const PropertySchema = z.looseObject({ key: z.string(), value: z.unknown() });
const PropertyKeysSchema = z.looseObject({ keys: z.array(z.looseObject({ key: z.string() })) });

/** An issue property's value, or undefined when the issue has no such property. */
export async function getIssueProperty(
  client: JiraClient,
  issueKey: string,
  property: string,
): Promise<unknown> {
  try {
    const reply = await client.send(
      { method: 'GET', path: jiraPath`/rest/api/3/issue/${issueKey}/properties/${property}` },
      PropertySchema,
    );
    return reply.value;
  } catch (error) {
    if (error instanceof JiraNotFound && /property/i.test(error.message)) return undefined;
    throw error;
  }
}

/** PUT is a full replace, so repeating it is harmless (idempotent). Returns 200 (updated) or 201 (created). */
export function putIssueProperty(client: JiraClient, issueKey: string, property: string, value: unknown) {
  return client.sendWithoutReply({
    method: 'PUT',
    path: jiraPath`/rest/api/3/issue/${issueKey}/properties/${property}`,
    body: value,
  });
}

export async function deleteIssueProperty(client: JiraClient, issueKey: string, property: string) {
  try {
    await client.sendWithoutReply({
      method: 'DELETE',
      path: jiraPath`/rest/api/3/issue/${issueKey}/properties/${property}`,
    });
  } catch (error) {
    if (!(error instanceof JiraNotFound)) throw error;
  }
}

export async function listIssuePropertyKeys(client: JiraClient, issueKey: string): Promise<string[]> {
  const reply = await client.send(
    { method: 'GET', path: jiraPath`/rest/api/3/issue/${issueKey}/properties` },
    PropertyKeysSchema,
  );
  return reply.keys.map((k) => k.key);
}

const CommentSchema = z.looseObject({ id: z.string() });

/** Adds a comment (Atlassian Document Format body); a POST, so the client never repeats it. */
export async function addComment(client: JiraClient, issueKey: string, body: unknown): Promise<string> {
  const reply = await client.send(
    { method: 'POST', path: jiraPath`/rest/api/3/issue/${issueKey}/comment`, body: { body } },
    CommentSchema,
  );
  return reply.id;
}

/** Sets one select field to an option by its value (PUT: idempotent). */
export function setSelectField(client: JiraClient, issueKey: string, fieldId: string, value: string) {
  return client.sendWithoutReply({
    method: 'PUT',
    path: jiraPath`/rest/api/3/issue/${issueKey}`,
    query: { notifyUsers: false },
    body: { fields: { [fieldId]: { value } } },
  });
}

const TransitionsSchema = z.looseObject({
  transitions: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string().optional(),
      to: z.looseObject({ statusCategory: z.looseObject({ key: z.string() }).optional() }).optional(),
    }),
  ),
});

/** The first transition available now whose target status is in the done category. */
export async function findDoneTransition(client: JiraClient, issueKey: string): Promise<string | undefined> {
  const reply = await client.send(
    { method: 'GET', path: jiraPath`/rest/api/3/issue/${issueKey}/transitions` },
    TransitionsSchema,
  );
  return reply.transitions.find((t) => t.to?.statusCategory?.key === 'done')?.id;
}

export function doTransition(client: JiraClient, issueKey: string, transitionId: string) {
  // Jira refuses a transition that is no longer available, so a repeat cannot move the issue twice.
  return client.sendWithoutReply({
    method: 'POST',
    path: jiraPath`/rest/api/3/issue/${issueKey}/transitions`,
    body: { transition: { id: transitionId } },
    idempotent: true,
  });
}

const UserSchema = z.looseObject({ accountId: z.string(), displayName: z.string().optional() });

/** A user by account id, or undefined when no such user exists (the owner is then a group name). */
export async function findUser(client: JiraClient, accountId: string) {
  try {
    return await client.send({ method: 'GET', path: '/rest/api/3/user', query: { accountId } }, UserSchema);
  } catch (error) {
    if (error instanceof JiraNotFound) return undefined;
    throw error;
  }
}

/** Jira's issue notification (e-mail) to a group, for owners that are groups (groups cannot be mentioned). */
export function notifyGroup(
  client: JiraClient,
  issueKey: string,
  group: { groupId: string } | { name: string },
  subject: string,
  text: string,
) {
  return client.sendWithoutReply({
    method: 'POST',
    path: jiraPath`/rest/api/3/issue/${issueKey}/notify`,
    body: { subject, textBody: text, to: { groups: [group] } },
  });
}

const BulkPermissionReplySchema = z.looseObject({
  projectPermissions: z.array(
    z.looseObject({ permission: z.string(), issues: z.array(z.number()).optional() }),
  ),
});

/** Whether the caller may edit the issue (EDIT_ISSUES), as Jira answers for the caller. */
export async function canEditIssue(client: JiraClient, issueId: string): Promise<boolean> {
  const id = Number(issueId);
  if (!Number.isSafeInteger(id) || id <= 0) return false;
  const reply = await client.send(
    {
      method: 'POST',
      path: '/rest/api/3/permissions/check',
      body: { projectPermissions: [{ permissions: ['EDIT_ISSUES'], issues: [id] }] },
      idempotent: true,
    },
    BulkPermissionReplySchema,
  );
  const granted = reply.projectPermissions.find((p) => p.permission === 'EDIT_ISSUES');
  return (granted?.issues ?? []).includes(id);
}
