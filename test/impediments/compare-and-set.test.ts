import fc from 'fast-check';
import {
  stateOf,
  transition,
  movesChain,
  type LadderLevel,
  type LadderAction,
} from '../../src/domain/impediments/escalation-ladder';
import type { EscalationRecord } from '../../src/domain/impediments/escalation-record';
import { moveWithCas, type CasRuntime, type Decision } from '../../src/services/impediments/compare-and-set';
import { MemoryJira, memoryEffects, memoryStore } from './memory-escalation-store';

const LADDER: LadderLevel[] = [
  { name: 'Team', slaDays: 2 },
  { name: 'Scrum of Scrums', slaDays: 3 },
  { name: 'Executive Action Team', slaDays: null },
];

/** An actor intends one move on the version it saw (a person) or on whatever is current (a trigger). */
function decideFor(action: LadderAction, expectedVersion: number | undefined, by: string) {
  return (record: EscalationRecord): Decision => {
    if (expectedVersion !== undefined && record.version !== expectedVersion)
      return { kind: 'none', reason: 'stale' };
    const step = transition(stateOf(record, LADDER), action, LADDER);
    if (!step.ok) return { kind: 'none', reason: step.reason };
    return {
      kind: 'move',
      move: { action, from: step.from, to: step.to, by, reason: 'because', auto: by === 'app' },
    };
  };
}

function runtime(s: fc.Scheduler | undefined, name: string): CasRuntime {
  let attempts = 0;
  let clock = Date.parse('2026-11-20T09:00:00Z');
  return {
    now: () => (clock += 1),
    sleep: () => (s ? s.schedule(Promise.resolve(), `${name} backoff`) : Promise.resolve()),
    random: () => 0.5,
    attemptId: () => `${name}-${++attempts}`,
    claimKey: (version, attempt) => `claim.${version}.${attempt}`,
    maxRounds: 6,
  };
}

describe('compare-and-set on the escalation history', () => {
  it('replayed three times, a move changes the state once and comments once', async () => {
    const jira = new MemoryJira();
    const results = [];
    for (let i = 0; i < 3; i++) {
      results.push(
        await moveWithCas(
          memoryStore(jira),
          memoryEffects(jira),
          'PAY-93',
          'auto:PAY-93:v0:Team',
          decideFor('escalate', 0, 'app'),
          runtime(undefined, `run${i}`),
        ),
      );
    }
    expect(results.map((r) => r.outcome)).toEqual(['applied', 'already-applied', 'already-applied']);
    expect(jira.record.history).toHaveLength(1);
    expect(jira.comments).toHaveLength(1);
    expect(jira.claims.size).toBe(0);
  });

  it('never applies two moves for one version, whatever the interleaving of two or three actors', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(
          fc.record({
            action: fc.constantFrom<LadderAction>('escalate', 'de-escalate', 'resolve'),
            person: fc.boolean(),
            sameMoveAs: fc.option(fc.nat(2), { nil: undefined }),
          }),
          { minLength: 2, maxLength: 3 },
        ),
        async (s, actors) => {
          const jira = new MemoryJira();
          const outcomes = actors.map((actor, i) => {
            const moveId = `move-${actor.sameMoveAs ?? i}`;
            const decide = decideFor(
              actor.action,
              actor.person ? 0 : undefined,
              actor.person ? `user${i}` : 'app',
            );
            return moveWithCas(
              memoryStore(jira, s),
              memoryEffects(jira, s),
              'PAY-93',
              moveId,
              decide,
              runtime(s, `a${i}`),
            );
          });
          const results = await s.waitFor(Promise.all(outcomes));
          // One comment per move in the history, never two for one move id.
          expect(jira.comments.map((c) => c.moveId).sort()).toEqual(
            jira.record.history.map((m) => m.id).sort(),
          );
          expect(new Set(jira.record.history.map((m) => m.id)).size).toBe(jira.record.history.length);
          expect(jira.record.version).toBe(jira.record.history.length);
          expect(movesChain(jira.record.history)).toBe(true);
          // People acting on version 0 cannot both win: at most one of them moved it.
          const peopleApplied = results.filter((r, i) => r.outcome === 'applied' && actors[i]?.person).length;
          expect(peopleApplied).toBeLessThanOrEqual(1);
          expect(results.filter((r) => r.outcome === 'applied')).toHaveLength(jira.record.history.length);
          expect(jira.claims.size).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('two concurrent actors on the same version: exactly one move', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), async (s) => {
        const jira = new MemoryJira();
        const person = moveWithCas(
          memoryStore(jira, s),
          memoryEffects(jira, s),
          'CHK-93',
          'user:cpo:req-1',
          decideFor('escalate', 0, 'cpo'),
          runtime(s, 'person'),
        );
        const trigger = moveWithCas(
          memoryStore(jira, s),
          memoryEffects(jira, s),
          'CHK-93',
          'auto:CHK-93:v0:Team',
          decideFor('escalate', 0, 'app'),
          runtime(s, 'trigger'),
        );
        const results = await s.waitFor(Promise.all([person, trigger]));
        const applied = results.filter((r) => r.outcome === 'applied').length;
        // Both may withdraw in every round of an adversarial schedule (then nobody moved, nothing written).
        expect(applied).toBeLessThanOrEqual(1);
        expect(jira.record.history).toHaveLength(applied);
        expect(jira.comments).toHaveLength(applied);
        if (applied === 1) expect(jira.record.history[0]?.to).toBe('Scrum of Scrums');
      }),
      { numRuns: 300 },
    );
  });

  it('reuses the comment of an attempt that died after commenting, instead of commenting again', async () => {
    const jira = new MemoryJira();
    jira.claims.set('claim.1.dead', {
      moveId: 'auto:X-1:v0:Team',
      at: Date.parse('2026-11-20T08:00:00Z'),
      commentId: '77',
    });
    const result = await moveWithCas(
      memoryStore(jira),
      memoryEffects(jira),
      'X-1',
      'auto:X-1:v0:Team',
      decideFor('escalate', 0, 'app'),
      runtime(undefined, 'r'),
    );
    expect(result.outcome).toBe('applied');
    expect(jira.comments).toHaveLength(0);
    expect(jira.record.history[0]?.commentId).toBe('77');
    expect(jira.claims.size).toBe(0);
  });

  it('waits for a live claim of another attempt instead of moving beside it', async () => {
    const jira = new MemoryJira();
    jira.claims.set('claim.1.other', {
      moveId: 'other',
      at: Date.parse('2026-11-20T09:00:00Z'),
      commentId: null,
    });
    const result = await moveWithCas(
      memoryStore(jira),
      memoryEffects(jira),
      'X-1',
      'mine',
      decideFor('escalate', undefined, 'app'),
      { ...runtime(undefined, 'r'), maxRounds: 2 },
    );
    expect(result.outcome).toBe('contended');
    expect(jira.record.history).toHaveLength(0);
    expect(jira.comments).toHaveLength(0);
  });
});
