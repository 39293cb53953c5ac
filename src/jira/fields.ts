/**
 * What field resolution (src/domain/config/resolve-fields.ts) reads from Jira: the field catalog and
 * what each of the program's boards estimates with. Jira states the estimation field per board
 * (`GET /rest/agile/1.0/board/{boardId}/configuration` -> `estimation.field.fieldId`), which is how a
 * site with both "Story Points" and "Story point estimate" says which one a team fills.
 */
import pLimit from 'p-limit';
import { z } from 'zod';
import {
  CatalogFieldSchema,
  type BoardEstimation,
  type CatalogField,
} from '../domain/config/field-resolution';
import type { JiraClient } from './client';
import { jiraPath } from './transport';

export async function listFields(client: JiraClient): Promise<CatalogField[]> {
  return client.send({ method: 'GET', path: '/rest/api/3/field' }, z.array(CatalogFieldSchema));
}

const BoardPageSchema = z.looseObject({
  isLast: z.boolean().optional(),
  values: z.array(
    z.looseObject({
      id: z.number().int(),
      location: z.looseObject({ projectKey: z.string().optional() }).optional(),
    }),
  ),
});

const BoardConfigurationSchema = z.looseObject({
  id: z.number().int(),
  estimation: z
    .looseObject({
      type: z.string().optional(),
      field: z.looseObject({ fieldId: z.string().optional(), displayName: z.string().optional() }).optional(),
    })
    .optional(),
});

/** Jira's agile board list returns at most 50 a page. */
const BOARD_PAGE = 50;
/**
 * Board configurations are read this many at a time (one request each), each leaving as soon as one
 * returns: the build's first page waits for them, so they must not wait in waves.
 */
const CONFIG_CONCURRENCY = 8;

async function programBoards(client: JiraClient, projectKeys: ReadonlySet<string>) {
  const boards: Array<{ id: number; projectKey: string }> = [];
  for (let startAt = 0; ; startAt += BOARD_PAGE) {
    const page = await client.send(
      { method: 'GET', path: '/rest/agile/1.0/board', query: { startAt, maxResults: BOARD_PAGE } },
      BoardPageSchema,
    );
    for (const b of page.values) {
      const key = b.location?.projectKey;
      // A board on a user's location or on another project says nothing about the program's teams.
      if (key !== undefined && projectKeys.has(key)) boards.push({ id: b.id, projectKey: key });
    }
    if (page.isLast !== false || page.values.length === 0) return boards;
  }
}

/** The estimation field of every board located in one of `projectKeys`. */
export async function listBoardEstimations(
  client: JiraClient,
  projectKeys: readonly string[],
): Promise<BoardEstimation[]> {
  const boards = await programBoards(client, new Set(projectKeys));
  const limit = pLimit(CONFIG_CONCURRENCY);
  return Promise.all(
    boards.map((board) =>
      limit(async () => {
        const config = await client
          .send(
            { method: 'GET', path: jiraPath`/rest/agile/1.0/board/${String(board.id)}/configuration` },
            BoardConfigurationSchema,
          )
          .catch((error: unknown) => {
            // The first failure decides (the caller drops every board): send no more.
            limit.clearQueue();
            throw error;
          });
        return {
          boardId: board.id,
          projectKey: board.projectKey,
          fieldId: config.estimation?.field?.fieldId,
        };
      }),
    ),
  );
}
