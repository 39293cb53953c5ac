import fc from 'fast-check';
import {
  allowedActions,
  appendMove,
  movesChain,
  stateOf,
  transition,
  type LadderAction,
  type LadderLevel,
} from '../../src/domain/impediments/escalation-ladder';
import {
  EMPTY_RECORD,
  readEscalationRecord,
  storedEscalationRecord,
  type EscalationRecord,
} from '../../src/domain/impediments/escalation-record';

const DEFAULT: LadderLevel[] = [
  { name: 'Team', slaDays: 2 },
  { name: 'Scrum of Scrums', slaDays: 3 },
  { name: 'Scrum of Scrums of Scrums', slaDays: 5 },
  { name: 'Executive Action Team', slaDays: null },
];

const ladderArb = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 6 })
  .map((names) => names.map((name, i) => ({ name, slaDays: i === names.length - 1 ? null : i + 1 })));
const actionArb = fc.constantFrom<LadderAction>('escalate', 'de-escalate', 'resolve');

/** Applies actions the way the services do: only transitions the ladder allows become moves. */
function run(ladder: LadderLevel[], actions: LadderAction[]): EscalationRecord {
  let record: EscalationRecord = EMPTY_RECORD;
  actions.forEach((action, i) => {
    const step = transition(stateOf(record, ladder), action, ladder);
    if (!step.ok) return;
    record = appendMove(record, {
      id: `m${i}`,
      action,
      from: step.from,
      to: step.to,
      at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      by: 'cpo',
      reason: `step ${i}`,
      auto: false,
      commentId: null,
    });
  });
  return record;
}

describe('the escalation ladder as a state machine', () => {
  it('keeps a valid level and a chained history for any sequence of actions', () => {
    fc.assert(
      fc.property(ladderArb, fc.array(actionArb, { maxLength: 40 }), (ladder, actions) => {
        const record = run(ladder, actions);
        const state = stateOf(record, ladder);
        expect(ladder.map((l) => l.name)).toContain(state.level);
        expect(movesChain(record.history)).toBe(true);
        expect(record.version).toBe(record.history.length);
        for (const move of record.history) {
          const from = ladder.findIndex((l) => l.name === move.from);
          const to = ladder.findIndex((l) => l.name === move.to);
          const expected = { escalate: 1, 'de-escalate': -1, resolve: 0, raise: 0 }[move.action];
          expect(to - from).toBe(expected);
        }
        // Nothing moves after a resolution.
        const resolvedAt = record.history.findIndex((m) => m.action === 'resolve');
        expect(resolvedAt === -1 || resolvedAt === record.history.length - 1).toBe(true);
      }),
    );
  });

  it('survives a round trip through the stored property unchanged', () => {
    fc.assert(
      fc.property(ladderArb, fc.array(actionArb, { maxLength: 20 }), (ladder, actions) => {
        const record = run(ladder, actions);
        const names = ladder.map((l) => l.name);
        expect(
          readEscalationRecord(JSON.parse(JSON.stringify(storedEscalationRecord(record))), names),
        ).toEqual(record);
      }),
    );
  });

  it('refuses to escalate past the Executive Action Team or de-escalate below the team', () => {
    expect(transition({ level: 'Executive Action Team', resolved: false }, 'escalate', DEFAULT)).toEqual({
      ok: false,
      reason: 'Executive Action Team is the top of the ladder',
    });
    expect(transition({ level: 'Team', resolved: false }, 'de-escalate', DEFAULT).ok).toBe(false);
    expect(allowedActions({ level: 'Team', resolved: true }, DEFAULT)).toEqual({
      escalate: false,
      deEscalate: false,
      resolve: false,
    });
  });

  it('reads the engine’s version-1 history (no ids, no actions) and infers each step', () => {
    const record = readEscalationRecord(
      {
        version: 1,
        history: [
          { from: null, to: 'Team', at: '2026-11-01T09:00:00Z', by: 'po-pay', reason: 'Raised' },
          { from: 'Team', to: 'Scrum of Scrums', at: '2026-11-03T09:00:00Z', by: 'cpo', reason: 'Stuck' },
          'not a move',
        ],
      },
      DEFAULT.map((l) => l.name),
    );
    expect(record.history.map((m) => [m.id, m.action])).toEqual([
      ['legacy-0', 'raise'],
      ['legacy-1', 'escalate'],
    ]);
    expect(stateOf(record, DEFAULT).level).toBe('Scrum of Scrums');
  });

  it('starts a level that left the ladder over from the bottom when escalated', () => {
    expect(transition({ level: 'Old level', resolved: false }, 'escalate', DEFAULT)).toEqual({
      ok: true,
      from: 'Old level',
      to: 'Team',
    });
  });
});
