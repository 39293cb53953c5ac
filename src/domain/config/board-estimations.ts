/**
 * Board configurations as Jira returns them (`GET /rest/agile/1.0/board/{boardId}/configuration`),
 * read leniently down to what field resolution needs: the board, its project and its estimation field.
 * Jira's spec names the location `projectKeyOrId` and the board list calls it `projectKey`, but real Cloud
 * sites answer `{ type, key, id, name }` (test/fixtures/real-jira/go-atlassian-board-configuration.json):
 * all three are read.
 * A board without a project location (a user's board) says nothing about a team and is left out.
 */
import { z } from 'zod';
import type { BoardEstimation } from './field-resolution';

const PROJECT_KEY = /^[A-Z][A-Z0-9_]*$/;

const BoardConfigurationSchema = z.looseObject({
  id: z.number().int(),
  location: z
    .looseObject({
      key: z.string().optional(),
      projectKey: z.string().optional(),
      projectKeyOrId: z.string().optional(),
    })
    .optional(),
  estimation: z
    .looseObject({ field: z.looseObject({ fieldId: z.string().optional() }).optional() })
    .optional(),
});

export function readBoardEstimations(raw: readonly unknown[] | undefined): BoardEstimation[] {
  return (raw ?? []).flatMap((value) => {
    const parsed = BoardConfigurationSchema.safeParse(value);
    if (!parsed.success) return [];
    const { id, location, estimation } = parsed.data;
    const projectKey = location?.key ?? location?.projectKey ?? location?.projectKeyOrId;
    if (projectKey === undefined || !PROJECT_KEY.test(projectKey)) return [];
    return [{ boardId: id, projectKey, fieldId: estimation?.field?.fieldId }];
  });
}
