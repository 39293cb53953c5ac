/**
 * Issue 11 problem 2: levels have ids and names are labels. Renaming level 4 to "EAT" used to send
 * CHK-94 back to Team ("Escalate to Team") and list an orphan fifth level.
 */
import { parseProgramConfig, type ProgramConfig } from '../../src/domain/config/program-config';
import { allowedActions, stateOf, transition } from '../../src/domain/impediments/escalation-ladder';
import { readEscalationRecord, storedEscalationRecord } from '../../src/domain/impediments/escalation-record';
import { levelBacklogs } from '../../src/domain/impediments/impediment-backlog';
import {
  levelRenames,
  removedLevels,
  successorLevel,
  withFormerNames,
} from '../../src/domain/impediments/ladder-levels';

const NOW = Date.parse('2026-11-20T09:00:00Z');
const DAY = 86_400_000;

/** CHK-94's history as versions before level ids wrote it: names only. */
const LEGACY_HISTORY = {
  version: 2,
  history: [
    { from: null, to: 'Team', at: new Date(NOW - 9 * DAY).toISOString(), by: 'cpo', reason: 'raised' },
    {
      from: 'Team',
      to: 'Executive Action Team',
      at: new Date(NOW - 4 * DAY).toISOString(),
      by: 'cpo',
      reason: 'needs budget',
    },
  ],
};

/** What the admin page saves: the levels as loaded (with their ids), level 4 renamed. */
function renamed(before: ProgramConfig, index: number, name: string): ProgramConfig {
  const levels = before.impediments.levels.map((l, i) => (i === index ? { ...l, name } : l));
  return parseProgramConfig({
    ...before,
    impediments: { ...before.impediments, levels: withFormerNames(before.impediments.levels, levels) },
  });
}

describe('stable ladder levels', () => {
  it('gives a config stored without level ids the same deterministic ids on every read', () => {
    const stored = {
      impediments: {
        levels: [
          { name: 'Team', slaDays: 2 },
          { name: 'Team!', slaDays: 3 },
          { name: 'Executive Action Team', slaDays: null },
        ],
      },
    };
    const ids = parseProgramConfig(stored).impediments.levels.map((l) => l.id);
    expect(ids).toEqual(['team', 'team-2', 'executive-action-team']);
    expect(
      parseProgramConfig(JSON.parse(JSON.stringify(stored))).impediments.levels.map((l) => l.id),
    ).toEqual(ids);
    expect(parseProgramConfig({}).impediments.levels.map((l) => l.id)).toEqual(
      parseProgramConfig({
        impediments: {
          levels: parseProgramConfig({}).impediments.levels.map(({ name, slaDays }) => ({ name, slaDays })),
        },
      }).impediments.levels.map((l) => l.id),
    );
  });

  it('keeps an impediment at its level when the level is renamed, and offers no move back to Team', () => {
    const before = parseProgramConfig({});
    const after = renamed(before, 3, 'EAT');
    expect(after.impediments.levels[3]).toMatchObject({
      id: 'executive-action-team',
      name: 'EAT',
      formerNames: ['Executive Action Team'],
    });
    const record = readEscalationRecord(LEGACY_HISTORY, after.impediments.levels);
    const state = stateOf(record, after.impediments.levels);
    expect(state.level).toBe('EAT');
    expect(transition(state, 'escalate', after.impediments.levels)).toEqual({
      ok: false,
      reason: 'EAT is the top of the ladder',
    });
    expect(transition(state, 'de-escalate', after.impediments.levels)).toMatchObject({
      ok: true,
      to: 'Scrum of Scrums of Scrums',
    });
    expect(allowedActions(state, after.impediments.levels).escalate).toBe(false);
  });

  it('lists no orphan level after a rename, and keeps the days at the level', () => {
    const after = renamed(parseProgramConfig({}), 3, 'EAT');
    const record = readEscalationRecord(LEGACY_HISTORY, after.impediments.levels);
    const facts = {
      key: 'CHK-94',
      summary: 'CHK-94',
      projectKey: 'CHK',
      createdMs: NOW - 9 * DAY,
      resolvedMs: undefined,
      done: false,
      fieldLevel: 'Executive Action Team',
      record,
      blocks: [],
    };
    const backlogs = levelBacklogs([facts], after.impediments.levels, NOW);
    expect(backlogs.map((b) => b.level)).toEqual([
      'Team',
      'Scrum of Scrums',
      'Scrum of Scrums of Scrums',
      'EAT',
    ]);
    expect(backlogs[3]?.entries[0]).toMatchObject({ key: 'CHK-94', daysAtLevel: 4 });
  });

  it('reads a field value that still carries the former name as the renamed level', () => {
    const after = renamed(parseProgramConfig({}), 3, 'EAT');
    expect(
      stateOf({ version: 0, history: [] }, after.impediments.levels, 'Executive Action Team').level,
    ).toBe('EAT');
  });

  it('writes level ids with every move, so a second rename still finds the level', () => {
    const once = renamed(parseProgramConfig({}), 3, 'EAT');
    const record = readEscalationRecord(LEGACY_HISTORY, once.impediments.levels);
    const stored: unknown = JSON.parse(
      JSON.stringify(storedEscalationRecord(record, once.impediments.levels)),
    );
    expect(stored).toHaveProperty(['history', 1]);
    expect((stored as { history: unknown[] }).history[1]).toMatchObject({
      to: 'EAT',
      toId: 'executive-action-team',
      fromId: 'team',
    });
    const twice = parseProgramConfig({
      ...once,
      impediments: {
        ...once.impediments,
        levels: once.impediments.levels.map((l) =>
          l.id === 'executive-action-team' ? { ...l, name: 'Leadership', formerNames: [] } : l,
        ),
      },
    });
    expect(
      stateOf(readEscalationRecord(stored, twice.impediments.levels), twice.impediments.levels).level,
    ).toBe('Leadership');
  });

  it('names the renames and removals of a save, and where a removed level sends its impediments', () => {
    const before = parseProgramConfig({}).impediments.levels;
    const after = [before[0], { ...before[1]!, name: 'SoS' }, before[3]].flatMap((l) => (l ? [l] : []));
    expect(levelRenames(before, after)).toEqual([
      { id: 'scrum-of-scrums', from: 'Scrum of Scrums', to: 'SoS' },
    ]);
    expect(removedLevels(before, after).map((l) => l.id)).toEqual(['scrum-of-scrums-of-scrums']);
    expect(successorLevel(before, after, 'scrum-of-scrums-of-scrums')?.name).toBe('SoS');
    expect(successorLevel(before, after.slice(1), 'team')?.name).toBe('SoS');
  });
});
