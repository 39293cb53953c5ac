import { randomBytes } from 'node:crypto';
import type { ProgramRecord, AnalysisManifest } from '../../src/storage/analysis-schema';
import { AnalysisWriter, readProgramRecord } from '../../src/storage/analysis-store';
import { installForgeRuntime, type ForgeRuntimeDouble } from '../doubles/forge-runtime';

/** A program record of `teams` teams that all depend on each other (teams x (teams - 1) matrix cells). */
function program(teamNames: readonly string[]): ProgramRecord {
  return {
    name: 'Everyone needs everyone',
    teams: teamNames.map((team) => ({
      team,
      velocity: 20,
      readyPoints: 40,
      backlogItems: 30,
      readyItems: 10,
      horizonSprints: 2,
      status: 'green',
      reason: 'two sprints of ready work',
    })),
    band: { minSprints: 2, maxSprints: 4 },
    matrix: teamNames.flatMap((needs) =>
      teamNames
        .filter((provides) => provides !== needs)
        .map((provides) => ({ needs, provides, dependencies: 3, conflicts: 1 })),
    ),
    cadence: { advice: 'weekly', score: 1, rule: 'load', factors: [] },
    impediments: { perLevel: [], slaBreaches: 0, resolved: 0, medianDaysToResolve: null },
    checklist: [],
    cadenceEvidence: null,
    criticalPath: { keys: [], length: 0 },
  };
}

async function roundTrip(
  record: ProgramRecord,
): Promise<{ read: ProgramRecord; manifest: AnalysisManifest }> {
  const writer = new AnalysisWriter('mtest-abc');
  await writer.finish(record);
  const manifest: AnalysisManifest = {
    schemaVersion: 1,
    version: 'mtest-abc',
    computedAt: '2026-01-01T00:00:00.000Z',
    snapshotVersion: 's',
    configVersion: 0,
    orderVersion: 0,
    programKey: writer.programKey,
    parts: writer.parts,
  };
  return { read: await readProgramRecord(manifest), manifest };
}

describe('the program-wide analysis record', () => {
  let forge: ForgeRuntimeDouble;
  beforeEach(() => {
    forge = installForgeRuntime({ jiraBaseUrl: 'http://127.0.0.1:9' });
  });
  afterEach(() => forge.uninstall());

  it('is stored and read back whole for 100 teams that all depend on each other', async () => {
    const record = program(Array.from({ length: 100 }, (_, i) => `TEAM${i}`));
    expect(JSON.stringify(record).length).toBeGreaterThan(240 * 1024);
    const { read } = await roundTrip(record);
    expect(read.matrix).toHaveLength(9_900);
    expect(read).toEqual(record);
  });

  it('is cut into pieces, listed as parts, when even packed it exceeds a value', async () => {
    // Team names that do not compress: the packed record is still several values long.
    const record = program(Array.from({ length: 250 }, () => randomBytes(24).toString('hex')));
    const { read, manifest } = await roundTrip(record);
    const pieces = manifest.parts.filter((p) => p.partition === 'program-pieces');
    expect(pieces.length).toBeGreaterThan(1);
    pieces.forEach((p) => expect(JSON.stringify(forge.kvs.peek(p.key)).length).toBeLessThan(240 * 1024));
    expect(read).toEqual(record);
  });
});
