/**
 * One claim per "raise an impediment" request (user + request id), so a double click or a retried call
 * creates one Impediment issue, not two. Created by compare-and-set at version 1 ("creating"), then
 * moved to version 2 with the issue key; a claim that never got its key is dropped after the create
 * failed, so the user can try again.
 */
import { z } from 'zod';
import { deleteVersioned, readVersioned, writeVersioned } from './versioned-entity';

const ClaimSchema = z.strictObject({ issueKey: z.string().nullable(), blocks: z.array(z.string()) });
export type RaiseClaim = z.infer<typeof ClaimSchema>;

const keyOf = (accountId: string, requestId: string) => `impediment-raise:${accountId}:${requestId}`;

export function readRaiseClaim(accountId: string, requestId: string) {
  return readVersioned(keyOf(accountId, requestId), ClaimSchema);
}

/** True when this call holds the claim (nobody raised with this request id before). */
export async function claimRaise(accountId: string, requestId: string): Promise<boolean> {
  return (
    (await writeVersioned(keyOf(accountId, requestId), ClaimSchema, 0, { issueKey: null, blocks: [] })) !==
    undefined
  );
}

export function completeRaise(accountId: string, requestId: string, claim: RaiseClaim) {
  return writeVersioned(keyOf(accountId, requestId), ClaimSchema, 1, claim);
}

export function releaseRaise(accountId: string, requestId: string) {
  return deleteVersioned(keyOf(accountId, requestId), 1);
}
