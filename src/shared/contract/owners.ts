/**
 * The owner picker: find Jira users and groups as the user types, and name the owners a form already
 * holds. Both are asked of Jira as the user, so its *Browse users and groups* permission applies.
 */
import { z } from 'zod';
import { OwnerSchema } from '../impediment-contract';

export const OwnerKindSchema = z.enum(['user', 'group']);

export const FindOwnersPayloadSchema = z
  .object({
    query: z.string().trim().min(1, 'must hold at least one character').max(100, 'at most 100 characters'),
    /** Users only where an owner must be a person (an impediment's assignee). */
    kinds: z.array(OwnerKindSchema).min(1, 'choose users, groups or both').max(2),
  })
  .strict();

export const DescribeOwnersPayloadSchema = z
  .object({
    owners: z
      .array(z.object({ id: z.string().min(1).max(128), kind: OwnerKindSchema.optional() }).strict())
      .max(50, 'at most 50 owners'),
  })
  .strict();

export const OwnerListSchema = z.object({ owners: z.array(OwnerSchema) });
export type OwnerList = z.infer<typeof OwnerListSchema>;

export const ownersContract = {
  /** Anyone: users and groups whose name starts with (users) or contains (groups) the query. */
  'owners/find': { payload: FindOwnersPayloadSchema, response: OwnerListSchema },
  /** Anyone: the display names of owners stored by id; ids Jira does not know are left out. */
  'owners/describe': { payload: DescribeOwnersPayloadSchema, response: OwnerListSchema },
} as const;
