/**
 * The site's programs: one versioned record listing each program's id and name, written by
 * compare-and-set (two admins creating programs at once both get theirs, or one is told to retry).
 * An installation from before several programs has no record: it holds one program, `default`, named
 * as its config names it, under its original keys (keys.ts `programKey`), so nothing is migrated.
 */
import { z } from 'zod';
import { MAX_PROGRAMS, ProgramSchema, type Program } from '../shared/contract/programs';
import { PROGRAM_REGISTRY_RECORD } from './keys';
import { DEFAULT_PROGRAM_ID } from './program-scope';
import { readVersioned, writeVersioned } from './versioned-entity';

const RegistrySchema = z.strictObject({ programs: z.array(ProgramSchema).max(MAX_PROGRAMS) });

export interface Registry {
  programs: Program[];
  /** The record's version a compare-and-set must find (0 = never written: the implicit `default`). */
  version: number;
}

/** `defaultName`: the name of the implicit `default` program when no record exists yet. */
export async function readProgramRegistry(defaultName: string): Promise<Registry> {
  const record = await readVersioned(PROGRAM_REGISTRY_RECORD, RegistrySchema);
  if (record) return { programs: record.body.programs, version: record.version };
  return { programs: [{ id: DEFAULT_PROGRAM_ID, name: defaultName }], version: 0 };
}

/** Stores `programs` if the record is still at `baseVersion`; false when another admin changed it. */
export async function writeProgramRegistry(baseVersion: number, programs: Program[]): Promise<boolean> {
  return (
    (await writeVersioned(PROGRAM_REGISTRY_RECORD, RegistrySchema, baseVersion, { programs })) !== undefined
  );
}
