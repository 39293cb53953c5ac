import { ProgramSyncSchema, type ProgramSync } from '../shared/contract';
import { programKey, STORAGE_KEYS } from './keys';
import { readStored, writeStored } from './stored-json';

/** What the last background sync saw of the program (written by the snapshot consumer). */
export function readProgramSummary(): Promise<ProgramSync | undefined> {
  return readStored(programKey(STORAGE_KEYS.programSummary), ProgramSyncSchema);
}

export function writeProgramSummary(summary: ProgramSync): Promise<void> {
  return writeStored(programKey(STORAGE_KEYS.programSummary), ProgramSyncSchema, summary);
}
