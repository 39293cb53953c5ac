/**
 * MetaScrum cadence advice (seed 000, DOMAIN.md): how often to meet follows from (1) the number of
 * open impediments and dependencies, (2) how often issues come to the Scrum of Scrums, (3) resolution
 * time longer than usual. Each factor is scored low 0 / medium 1 / high 2 against configured
 * thresholds; the sum picks the advice. The inputs and the rule are returned with the advice.
 */
import { DAY_MS, median } from '../impediments/impediment-trend';
import type { CadenceEvidence } from './cadence-evidence';

export interface CadenceFactor {
  name: 'open load' | 'arrivals at the Scrum of Scrums' | 'resolution time';
  value: number | null;
  level: 0 | 1 | 2;
  detail: string;
}

export interface CadenceAdvice {
  advice: string;
  score: number;
  factors: CadenceFactor[];
  rule: string;
}

const ADVICE = ['meet once per sprint', 'meet once a week', 'meet twice a week', 'meet daily'] as const;
const RULE =
  'each factor scores 0 (below its first threshold), 1 (below its second) or 2; the sum 0 gives "meet once per sprint", 1-2 "once a week", 3-4 "twice a week", 5-6 "daily"';

function levelFor(value: number | null, [medium, high]: readonly [number, number]): 0 | 1 | 2 {
  if (value === null || value < medium) return 0;
  return value < high ? 1 : 2;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The advice from its evidence (the whole program's, or a narrower view's) at the evidence's time. */
export function cadenceFromEvidence(evidence: CadenceEvidence): CadenceAdvice {
  const { atMs: nowMs, thresholds } = evidence;
  const impediments = evidence.impediments;
  const open = impediments.filter((i) => !i.done);
  // Flagged items are open impediments too (team level), so they weigh on the load.
  const flagged = Object.values(evidence.flagged).reduce((n, c) => n + c, 0);
  const openCrossTeamDependencies = evidence.crossTeam.reduce((n, d) => n + d.count, 0);
  const load = open.length + flagged + openCrossTeamDependencies;
  // Issues come to the Scrum of Scrums when they are escalated to it or above (last two weeks).
  const since = nowMs - 14 * DAY_MS;
  const escalations = impediments.reduce(
    (n, i) => n + i.escalatedMs.filter((atMs) => atMs > since && atMs <= nowMs).length,
    0,
  );
  const arrivals = escalations / 2;
  const days = (from: number | null, to: number | null) =>
    from === null || to === null ? [] : [(to - from) / DAY_MS];
  const resolved = impediments.filter((i) => i.done);
  const usual = median(resolved.flatMap((i) => days(i.createdMs, i.resolvedMs)));
  const recent = median([
    ...resolved
      .filter((i) => (i.resolvedMs ?? 0) > nowMs - 28 * DAY_MS)
      .flatMap((i) => days(i.createdMs, i.resolvedMs)),
    ...open.flatMap((i) => days(i.createdMs, nowMs)),
  ]);
  const slowdown = usual === null || recent === null || usual === 0 ? null : round2(recent / usual);
  const factors: CadenceFactor[] = [
    {
      name: 'open load',
      value: load,
      level: levelFor(load, thresholds.openLoad),
      detail: `${open.length + flagged} open impediments + ${openCrossTeamDependencies} open cross-team dependencies`,
    },
    {
      name: 'arrivals at the Scrum of Scrums',
      value: arrivals,
      level: levelFor(arrivals, thresholds.arrivalsPerWeek),
      detail: `${escalations} escalations in the last 14 days = ${arrivals} per week`,
    },
    {
      name: 'resolution time',
      value: slowdown,
      level: levelFor(slowdown, thresholds.resolutionSlowdown),
      detail:
        slowdown === null
          ? 'unknown, because no impediment has been resolved yet to compare with'
          : `recent ${round2(recent ?? 0)} days (resolved in 28 days and open ages) vs usual ${round2(usual ?? 0)} days = x${slowdown}`,
    },
  ];
  const score = factors.reduce((sum, f) => sum + f.level, 0);
  const advice = ADVICE[score === 0 ? 0 : score <= 2 ? 1 : score <= 4 ? 2 : 3];
  const thresholdText = `thresholds: open load ${thresholds.openLoad.join('/')}, arrivals per week ${thresholds.arrivalsPerWeek.join('/')}, slowdown x${thresholds.resolutionSlowdown.join('/x')}`;
  return { advice, score, factors, rule: `${RULE} (${thresholdText})` };
}
