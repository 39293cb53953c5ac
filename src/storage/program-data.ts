/**
 * Deleting everything a program stored (the admin deletes a program): its versioned records, its plain
 * keys (one prefix for any program but `default`, whose keys are the pre-issue-14 ones, listed in
 * keys.ts) and its history. Every delete is paced under the installation's write budget.
 */
import { kvs } from '@forge/kvs';
import { pacedWrite } from './kvs-budget';
import {
  DEFAULT_PROGRAM_PLAIN_KEYS,
  DEFAULT_PROGRAM_PREFIXES,
  HISTORY_PREFIX,
  historyIndexKey,
  PROGRAM_RECORDS,
  programKey,
  programPrefix,
} from './keys';
import { DEFAULT_PROGRAM_ID } from './program-scope';
import { deleteUnreferencedUnder } from './snapshot-store';
import { VERSIONED_ENTITY } from './versioned-entity';

const NOTHING = new Set<string>();

/** Deletes every key of `programId`; returns how many plain keys under its prefixes went. */
export async function deleteProgramData(programId: string): Promise<number> {
  const records = [...PROGRAM_RECORDS.map((base) => programKey(base, programId)), historyIndexKey(programId)];
  for (const key of records) {
    await pacedWrite(key.length, () => kvs.entity(VERSIONED_ENTITY).delete(key));
  }
  const isDefault = programId === DEFAULT_PROGRAM_ID;
  const prefixes = [
    ...(isDefault ? DEFAULT_PROGRAM_PREFIXES : [programPrefix(programId)]),
    `${HISTORY_PREFIX}${programId}:`,
  ];
  let deleted = 0;
  for (const prefix of prefixes) deleted += await deleteUnreferencedUnder(prefix, NOTHING);
  if (isDefault) {
    for (const key of DEFAULT_PROGRAM_PLAIN_KEYS) await pacedWrite(key.length, () => kvs.delete(key));
  }
  return deleted;
}
