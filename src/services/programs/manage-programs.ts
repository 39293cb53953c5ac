/**
 * The admin's program operations: create (empty, or a copy of another program's config and teams, never
 * its snapshot), rename and delete. The registry changes by compare-and-set; a program's own records
 * are written inside its scope, so they land under its keys.
 */
import type { JiraClient } from '../../jira/client';
import { getMyself } from '../../jira/reads';
import { parseProgramConfig } from '../../domain/config/program-config';
import { MAX_PROGRAMS, type Program, type ProgramEntry } from '../../shared/contract/programs';
import { deleteProgramData } from '../../storage/program-data';
import { readProgramConfig, readStoredConfig, saveProgramConfig } from '../../storage/program-config';
import { writeProgramRegistry } from '../../storage/program-registry';
import { DEFAULT_PROGRAM_ID, withProgram } from '../../storage/program-scope';
import { acquireLease, MAX_LEASE_MS, readLease, releaseLease } from '../../storage/snapshot-job';
import { InvalidInput, VersionConflict } from '../errors';
import { requestSnapshotJob } from '../snapshot/snapshot-requests';
import { listPrograms, readRegistry, requireProgram } from './program-directory';
import { uniqueProgramId } from './program-id';

async function replaceRegistry(version: number, programs: Program[]): Promise<void> {
  if (!(await writeProgramRegistry(version, programs)))
    throw new VersionConflict(
      'Another admin changed the programs just now; nothing was changed. Reload.',
      version,
    );
}

function refuseTakenName(programs: readonly Program[], name: string, except?: string): void {
  const taken = programs.some((p) => p.id !== except && p.name.toLowerCase() === name.toLowerCase());
  if (taken) throw new InvalidInput('name', `a program named ${name} exists already`);
}

/** Saves `name` into the program's config as a new version, so every view of it shows the new name. */
async function saveName(asUser: JiraClient, id: string, name: string, now: number, note: string) {
  const me = await getMyself(asUser);
  const actor = { accountId: me.accountId, displayName: me.displayName ?? me.accountId };
  await withProgram(id, async () => {
    const stored = await readStoredConfig();
    const config = { ...(stored?.config ?? parseProgramConfig({})), name };
    await saveProgramConfig(config, actor, now, stored?.version ?? 0, note);
  });
}

export async function createProgram(
  asUser: JiraClient,
  request: { name: string; copyFrom?: string | undefined },
  now: number,
): Promise<ProgramEntry[]> {
  const registry = await readRegistry();
  if (registry.programs.length >= MAX_PROGRAMS)
    throw new InvalidInput('name', `a site holds at most ${MAX_PROGRAMS} programs`);
  refuseTakenName(await listPrograms(), request.name);
  const source = request.copyFrom;
  if (source !== undefined) await requireProgram(source, 'copyFrom');
  const id = uniqueProgramId(request.name, registry.programs);
  await replaceRegistry(registry.version, [...registry.programs, { id, name: request.name }]);
  const copied = source === undefined ? undefined : await withProgram(source, readProgramConfig);
  const me = await getMyself(asUser);
  const actor = { accountId: me.accountId, displayName: me.displayName ?? me.accountId };
  await withProgram(id, async () => {
    const config = parseProgramConfig({ ...(copied ?? {}), name: request.name });
    const note = source === undefined ? 'created' : `copied from ${source}`;
    await saveProgramConfig(config, actor, now, (await readStoredConfig())?.version ?? 0, note);
    await requestSnapshotJob({ reason: 'settings', mode: 'full' }, now);
  });
  return listPrograms();
}

export async function renameProgram(
  asUser: JiraClient,
  request: { id: string; name: string },
  now: number,
): Promise<ProgramEntry[]> {
  const registry = await readRegistry();
  if (!registry.programs.some((p) => p.id === request.id))
    throw new InvalidInput('id', `no program with id ${request.id}`);
  refuseTakenName(await listPrograms(), request.name, request.id);
  const programs = registry.programs.map((p) => (p.id === request.id ? { ...p, name: request.name } : p));
  await replaceRegistry(registry.version, programs);
  await saveName(asUser, request.id, request.name, now, `renamed to ${request.name}`);
  return listPrograms();
}

/**
 * Why a program may not be deleted, or undefined. `default` stays: gadgets, panels and report runs that
 * name no program read it (they predate several programs), so deleting it would show them an empty one.
 */
function undeletable(programs: readonly Program[], id: string): string | undefined {
  if (!programs.some((p) => p.id === id)) return `no program with id ${id}`;
  if (programs.length <= 1) return 'the last program cannot be deleted; rename it or change its teams';
  if (id === DEFAULT_PROGRAM_ID)
    return (
      'the program default cannot be deleted: gadgets, panels and reports that name no program show it. ' +
      'Rename it or change its teams instead'
    );
  return undefined;
}

/**
 * Takes the installation's build lease for the whole delete, so no build of the program runs meanwhile
 * (one that is running makes the admin retry; one that starts later finds the program gone, see
 * program-sync.ts), then takes the program off the registry (no view or job finds it any more) and
 * deletes its keys.
 */
export async function deleteProgram(id: string, now: number): Promise<ProgramEntry[]> {
  const registry = await readRegistry();
  const refusal = undeletable(registry.programs, id);
  if (refusal) throw new InvalidInput('id', refusal);
  const holder = `program-delete:${id}`;
  const lease = await withProgram(id, () => acquireLease(holder, now, MAX_LEASE_MS));
  if (!lease) {
    const running = (await readLease())?.programId ?? DEFAULT_PROGRAM_ID;
    throw new VersionConflict(
      `A snapshot build (program ${running}) is running; nothing was deleted. Try again in a minute.`,
      undefined,
    );
  }
  try {
    await replaceRegistry(
      registry.version,
      registry.programs.filter((p) => p.id !== id),
    );
    const keys = await deleteProgramData(id);
    console.log(JSON.stringify({ event: 'program-deleted', programId: id, keys }));
  } finally {
    await releaseLease(holder);
  }
  return listPrograms();
}
