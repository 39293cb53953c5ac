/**
 * Every payload may name its program (`programId`, shared/contract/programs.ts): it is taken off here,
 * before the key's own strict schema parses the rest, so no key's schema has to repeat it.
 */
import { ProgramIdSchema } from '../shared/contract/programs';

export type ProgramSplit =
  { ok: true; programId: string | undefined; rest: unknown } | { ok: false; message: string };

export function splitProgramId(payload: unknown): ProgramSplit {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload) || !('programId' in payload))
    return { ok: true, programId: undefined, rest: payload };
  const { programId, ...rest } = payload;
  const parsed = ProgramIdSchema.safeParse(programId);
  if (!parsed.success)
    return { ok: false, message: `programId: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  return { ok: true, programId: parsed.data, rest };
}
