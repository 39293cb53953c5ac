/**
 * The Markdown report for a Scrum of Scrums: what is stopping us (cycles, sprint-order conflicts,
 * impediments), where we are (horizon per team, readiness), where we are going (priority, rank
 * flow-down), and how often the MetaScrum should meet. Long lists are capped; JSON has everything.
 */
import type { ProgramAnalysis } from '../../src/domain/analyse-program';
import type { ProgramForecast } from '../../src/domain/forecast/forecast-entry';
import { capped, mdTable, mdText } from './markdown-text';
import { forecastMarkdown } from './report-forecast';

const LIMIT = 50;

function dependencySection(a: ProgramAnalysis): string {
  const attention = a.dependencies.filter((d) => d.status === 'conflict' || d.status === 'at-risk');
  const { shown, note } = capped(attention, LIMIT);
  const counts = ['conflict', 'at-risk', 'healthy', 'unplanned']
    .map((s) => `${a.dependencies.filter((d) => d.status === s).length} ${s}`)
    .join(', ');
  const cycles =
    a.cycles.length === 0
      ? '_No dependency cycles._'
      : a.cycles
          .map((c) => `- ${mdText(c.keys.join(', '))} (teams ${mdText(c.teams.join(', '))})`)
          .join('\n');
  const path =
    a.criticalPath.keys.length === 0
      ? '_No open dependency chain._'
      : `${a.criticalPath.keys.map(mdText).join(' → ')}: ${a.criticalPath.length} points across ${mdText(a.criticalPath.teams.join(', '))}`;
  return [
    '## What is stopping us: dependencies',
    `${a.dependencies.length} open dependencies (${counts}); ${a.dependencies.filter((d) => d.crossTeam).length} cross-team.`,
    '### Cycles',
    cycles,
    '### Sprint-order conflicts and risks',
    mdTable(
      ['Prerequisite', 'Sprint', 'Needed by', 'Sprint', 'Status'],
      shown.map((d) => [
        `${d.from} (${d.fromTeam})`,
        d.fromSprint ?? 'unscheduled',
        `${d.to} (${d.toTeam})`,
        d.toSprint ?? 'unscheduled',
        d.status,
      ]),
    ) + note,
    '### Team x team (needs \\ provides: open dependencies, conflicts)',
    mdTable(
      ['Needs', 'Provides', 'Dependencies', 'Conflicts'],
      a.matrix.cells.map((c) => [c.needs, c.provides, c.dependencies, c.conflicts]),
    ),
    '### Critical path',
    path,
  ].join('\n\n');
}

function impedimentSection(a: ProgramAnalysis): string {
  const m = a.impediments;
  return [
    '## What is stopping us: impediments',
    `${m.open.length} open, ${m.slaBreaches} past their SLA; median time to resolve: ${m.medianDaysToResolve ?? 'unknown'} days.`,
    mdTable(
      ['Level', 'Open', 'Past SLA'],
      m.perLevel.map((l) => [l.level, l.open, l.breached]),
    ),
    mdTable(
      ['Impediment', 'Team', 'Level', 'Days at level', 'SLA days', 'Past SLA'],
      m.open.map((o) => [
        o.key,
        o.team,
        o.level,
        o.daysAtLevel,
        o.slaDays ?? 'none',
        o.breached ? 'yes' : 'no',
      ]),
    ),
  ].join('\n\n');
}

function teamSection(a: ProgramAnalysis): string {
  const notReady = a.readiness.filter((r) => !r.ready);
  const { shown, note } = capped(notReady, LIMIT);
  return [
    '## Where we are: ready backlog per team',
    mdTable(
      ['Team', 'Velocity', 'Ready points', 'Horizon (sprints)', 'Status', 'Why'],
      a.teams.map((t) => [
        t.team,
        t.velocity ?? 'unknown',
        t.readyPoints,
        t.horizonSprints ?? 'unknown',
        t.status,
        t.reason,
      ]),
    ),
    `### Not ready (${notReady.length} of ${a.readiness.length} open backlog items)`,
    mdTable(
      ['Item', 'Team', 'Score', 'Failing rules'],
      shown.map((r) => [
        r.key,
        r.team,
        r.score,
        r.rules
          .filter((x) => !x.pass)
          .map((x) => `${x.id}: ${x.reason}`)
          .join('; '),
      ]),
    ) + note,
  ].join('\n\n');
}

function prioritySection(a: ProgramAnalysis): string {
  const p = a.priority;
  const moves = capped(p.moves, LIMIT);
  return [
    '## Where we are going: priority',
    mdTable(
      ['#', 'Epic', 'Team', 'WSJF', 'Unblocks', 'Order from'],
      p.epics
        .slice(0, LIMIT)
        .map((e) => [
          e.position,
          `${e.key} ${e.summary}`,
          e.team,
          e.wsjf.score ?? `unknown (${e.wsjf.problem ?? ''})`,
          `${e.unblocks.teams.length} teams / ${e.unblocks.items} items`,
          e.source,
        ]),
    ),
    '### Rank inversions (an epic ranked above an epic it needs)',
    mdTable(
      ['Ranked higher', 'Needs (ranked lower)'],
      p.inversions.map((i) => [i.higher, i.lower]),
    ),
    '### Suggested order: moves',
    mdTable(
      ['Epic', 'From', 'To', 'Why'],
      moves.shown.map((m) => [m.key, m.from + 1, m.to + 1, m.reason]),
    ) + moves.note,
    '### Rank flow-down (fewest moves to follow the MetaScrum order)',
    mdTable(
      ['Team', 'Backlog items', 'Moves', 'Rank calls'],
      a.rankMoves.map((r) => [r.team, r.items, r.moves, r.operations.length]),
    ),
  ].join('\n\n');
}

function cadenceSection(a: ProgramAnalysis): string {
  return [
    `## MetaScrum cadence: ${mdText(a.cadence.advice)}`,
    mdTable(
      ['Factor', 'Value', 'Level', 'From'],
      a.cadence.factors.map((f) => [
        f.name,
        f.value ?? 'unknown',
        ['low', 'medium', 'high'][f.level],
        f.detail,
      ]),
    ),
    `Rule: ${mdText(a.cadence.rule)}.`,
  ].join('\n\n');
}

export function reportMarkdown(a: ProgramAnalysis, forecast: ProgramForecast): string {
  const header = [
    `# ${mdText(a.program.name)}: Scrum of Scrums report`,
    `As of ${a.program.now}. Teams: ${mdText(a.program.teams.join(', '))}. ${a.program.openBacklogItems} open backlog items, ${a.program.epics} epics.`,
    ...a.warnings.map((w) => `> Warning: ${mdText(w)}`),
  ].join('\n\n');
  return (
    [
      header,
      dependencySection(a),
      impedimentSection(a),
      teamSection(a),
      prioritySection(a),
      forecastMarkdown(forecast),
      cadenceSection(a),
    ].join('\n\n') + '\n'
  );
}
