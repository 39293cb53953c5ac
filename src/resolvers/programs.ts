import { clock } from '../clock';
import { contract } from '../shared/contract';
import { createProgram, deleteProgram, renameProgram } from '../services/programs/manage-programs';
import { programsOfVisibleProject, programsSeenBy } from '../services/programs/program-directory';
import { jiraAccess, requireJiraAdmin } from './access';
import { respond } from './respond';
import type { ResolverTable } from './resolver-types';
import { viewerOf } from './viewer';

export const programResolvers = {
  'program/list': (request) =>
    respond('program/list', contract['program/list'], request.payload, async () => ({
      programs: await programsSeenBy(viewerOf(request)),
    })),
  'program/forProject': (request) =>
    respond(
      'program/forProject',
      contract['program/forProject'],
      request.payload,
      async ({ projectKey }) => ({
        programs: await programsOfVisibleProject(viewerOf(request), projectKey),
      }),
    ),
  'admin/createProgram': (request) =>
    respond('admin/createProgram', contract['admin/createProgram'], request.payload, async (create) => {
      const { asUser } = jiraAccess();
      await requireJiraAdmin(asUser);
      return { programs: await createProgram(asUser, create, clock()) };
    }),
  'admin/renameProgram': (request) =>
    respond('admin/renameProgram', contract['admin/renameProgram'], request.payload, async (rename) => {
      const { asUser } = jiraAccess();
      await requireJiraAdmin(asUser);
      return { programs: await renameProgram(asUser, rename, clock()) };
    }),
  'admin/deleteProgram': (request) =>
    respond('admin/deleteProgram', contract['admin/deleteProgram'], request.payload, async ({ id }) => {
      const { asUser } = jiraAccess();
      await requireJiraAdmin(asUser);
      return { programs: await deleteProgram(id, clock()) };
    }),
} satisfies Partial<ResolverTable>;
