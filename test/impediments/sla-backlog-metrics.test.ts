import { planAutoEscalations } from '../../src/domain/impediments/auto-escalation-plan';
import type { LadderLevel } from '../../src/domain/impediments/escalation-ladder';
import type { EscalationRecord } from '../../src/domain/impediments/escalation-record';
import { levelBacklogs } from '../../src/domain/impediments/impediment-backlog';
import { DAY_MS } from '../../src/domain/impediments/impediment-trend';
import type { ImpedimentFacts } from '../../src/domain/impediments/impediment-records';
import { slaPosition } from '../../src/domain/impediments/impediment-sla';
import { impedimentSummary } from '../../src/domain/impediments/impediment-summary';

const NOW = Date.parse('2026-11-20T09:00:00Z');
const LADDER: LadderLevel[] = [
  { name: 'Team', slaDays: 2 },
  { name: 'Scrum of Scrums', slaDays: 3, owner: 'cpo' },
  { name: 'Executive Action Team', slaDays: null },
];

function at(level: string, daysAgo: number, version = 1): EscalationRecord {
  return {
    version,
    history: [
      {
        id: `m-${level}`,
        action: level === 'Team' ? 'raise' : 'escalate',
        from: level === 'Team' ? null : 'Team',
        to: level,
        at: new Date(NOW - daysAgo * DAY_MS).toISOString(),
        by: 'cpo',
        reason: 'r',
        auto: false,
        commentId: null,
      },
    ],
  };
}

function facts(key: string, record: EscalationRecord, extra: Partial<ImpedimentFacts> = {}): ImpedimentFacts {
  return {
    key,
    summary: key,
    projectKey: key.split('-')[0] ?? key,
    createdMs: NOW - 10 * DAY_MS,
    resolvedMs: undefined,
    done: false,
    fieldLevel: undefined,
    record,
    blocks: [],
    ...extra,
  };
}

describe('SLA, backlogs per level and metrics', () => {
  it('grades time at a level: ok, at risk from 75 % of the SLA, breached past it, none without SLA', () => {
    const team = LADDER[0];
    expect(slaPosition(NOW - 1 * DAY_MS, team, NOW).status).toBe('ok');
    expect(slaPosition(NOW - 1.6 * DAY_MS, team, NOW).status).toBe('at-risk');
    expect(slaPosition(NOW - 2.5 * DAY_MS, team, NOW)).toEqual({
      daysAtLevel: 2.5,
      slaDays: 2,
      status: 'breached',
    });
    expect(slaPosition(NOW - 30 * DAY_MS, LADDER[2], NOW).status).toBe('none');
  });

  it('lists each level’s open impediments, breached first, and leaves resolved ones out', () => {
    const backlogs = levelBacklogs(
      [
        facts('A-1', at('Scrum of Scrums', 1)),
        facts('A-2', at('Scrum of Scrums', 4)),
        facts('A-3', at('Team', 1)),
        facts('A-4', at('Scrum of Scrums', 9), { done: true, resolvedMs: NOW - DAY_MS }),
      ],
      LADDER,
      NOW,
    );
    expect(backlogs.map((b) => [b.level, b.entries.map((e) => `${e.key}:${e.slaStatus}`)])).toEqual([
      ['Team', ['A-3:ok']],
      ['Scrum of Scrums', ['A-2:breached', 'A-1:ok']],
      ['Executive Action Team', []],
    ]);
    expect(backlogs[1]?.owner).toBe('cpo');
  });

  it('counts open per level, breaches, the 30-day median time to resolve and a four-week trend', () => {
    const summary = impedimentSummary(
      [
        facts('A-1', at('Team', 3)),
        facts('A-2', at('Scrum of Scrums', 1)),
        facts('A-3', at('Team', 1), {
          done: true,
          createdMs: NOW - 6 * DAY_MS,
          resolvedMs: NOW - 2 * DAY_MS,
        }),
        facts('A-4', at('Team', 1), {
          done: true,
          createdMs: NOW - 10 * DAY_MS,
          resolvedMs: NOW - 4 * DAY_MS,
        }),
        facts('A-5', at('Team', 1), {
          done: true,
          createdMs: NOW - 90 * DAY_MS,
          resolvedMs: NOW - 40 * DAY_MS,
        }),
      ],
      LADDER,
      NOW,
    );
    expect(summary.perLevel.map((l) => [l.level, l.open, l.breached])).toEqual([
      ['Team', 1, 1],
      ['Scrum of Scrums', 1, 0],
      ['Executive Action Team', 0, 0],
    ]);
    expect(summary.slaBreaches).toBe(1);
    expect(summary.resolvedInWindow).toBe(2);
    expect(summary.medianDaysToResolve).toBe(5);
    expect(summary.trend).toHaveLength(4);
    expect(summary.trend.at(-1)?.resolved).toBe(2);
  });

  it('plans one auto-escalation per impediment past its SLA, with a move id stable across runs', () => {
    const impediments = [
      facts('A-1', at('Team', 3, 4)),
      facts('A-2', at('Team', 1)),
      facts('A-3', at('Executive Action Team', 40)),
    ];
    const plan = planAutoEscalations(impediments, LADDER, NOW);
    expect(plan).toEqual([
      {
        key: 'A-1',
        moveId: 'auto:A-1:v4:Team',
        from: 'Team',
        to: 'Scrum of Scrums',
        version: 4,
        daysOver: 1,
      },
    ]);
    expect(planAutoEscalations(impediments, LADDER, NOW + 60_000)[0]?.moveId).toBe(plan[0]?.moveId);
  });
});
