import { blockedKeysOf } from '../../src/domain/impediments/blocked-items';
import type { LadderLevel } from '../../src/domain/impediments/escalation-ladder';
import type { EscalationRecord } from '../../src/domain/impediments/escalation-record';
import { executiveBacklog } from '../../src/domain/impediments/executive-backlog';
import { levelBacklogs } from '../../src/domain/impediments/impediment-backlog';
import type { ImpedimentFacts } from '../../src/domain/impediments/impediment-records';
import { DAY_MS } from '../../src/domain/impediments/impediment-trend';
import { parseProgramConfig } from '../../src/domain/config/program-config';
import { linkPolarityFor } from '../../src/domain/normalise/link-direction';

const NOW = Date.parse('2026-11-20T09:00:00Z');
const LADDER: LadderLevel[] = [
  { name: 'Team', slaDays: 2 },
  { name: 'Scrum of Scrums', slaDays: 3 },
  { name: 'Executive Action Team', slaDays: null },
];

function at(level: string, daysAgo: number): EscalationRecord {
  return {
    version: 1,
    history: [
      {
        id: `m-${level}`,
        action: 'raise',
        from: null,
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

function facts(key: string, record: EscalationRecord): ImpedimentFacts {
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
  };
}

const BLOCKS = { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' };
const DEPENDS = { name: 'Dependency', inward: 'is needed by', outward: 'depends on' };
const RELATES = { name: 'Relates', inward: 'relates to', outward: 'relates to' };

describe('the Executive Action Team backlog and what an impediment blocks', () => {
  it('holds everything at the top level plus only the breached impediments below it', () => {
    const backlogs = levelBacklogs(
      [
        facts('A-1', at('Team', 1)),
        facts('A-2', at('Team', 5)),
        facts('A-3', at('Scrum of Scrums', 2)),
        facts('A-4', at('Scrum of Scrums', 7)),
        facts('A-5', at('Executive Action Team', 1)),
      ],
      LADDER,
      NOW,
    );
    const eat = executiveBacklog(backlogs, 'Executive Action Team');
    expect(eat.level).toBe('Executive Action Team');
    expect(eat.entries.map((e) => `${e.key}:${e.level}:${e.slaStatus}`)).toEqual([
      'A-5:Executive Action Team:none',
      'A-4:Scrum of Scrums:breached',
      'A-2:Team:breached',
    ]);
  });

  it('is empty for an empty ladder with nothing open', () => {
    expect(executiveBacklog([], undefined)).toEqual({ level: undefined, entries: [] });
  });

  it('reads the blocked issues from both link directions and ignores non-dependency types', () => {
    const polarityOf = linkPolarityFor(parseProgramConfig({}));
    const links = [
      { id: '1', type: BLOCKS, outwardIssue: { key: 'PAY-2' } },
      { id: '2', type: BLOCKS, inwardIssue: { key: 'PAY-3' } },
      { id: '3', type: DEPENDS, inwardIssue: { key: 'PAY-4' } },
      { id: '4', type: DEPENDS, outwardIssue: { key: 'PAY-5' } },
      { id: '5', type: RELATES, outwardIssue: { key: 'PAY-6' } },
      { id: '6', type: BLOCKS, outwardIssue: { key: 'PAY-2' } },
      'not a link',
    ];
    // PAY-3 blocks the impediment and the impediment depends on PAY-5: those are not blocked by it.
    expect(blockedKeysOf(links, polarityOf)).toEqual(['PAY-2', 'PAY-4']);
    expect(blockedKeysOf(undefined, polarityOf)).toEqual([]);
  });
});
