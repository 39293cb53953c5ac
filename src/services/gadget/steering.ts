/**
 * The CPO gadget's three steering questions, from the stored analysis: where are we now (each team's
 * ready-backlog horizon against the band, readiness), where are we going (the top-ranked epics and their
 * readiness), what is stopping us (the team x team matrix, cycles, impediments per ladder level with
 * their ageing and SLA breaches), plus the MetaScrum cadence advice with its inputs.
 */
import { GADGET_SECTIONS, type GadgetConfig, type Steering } from '../../shared/contract';
import { cadenceFromEvidence } from '../../domain/cadence/cadence-advice';
import { narrowEvidence } from '../../domain/cadence/cadence-evidence';
import { CycleRecordSchema, type ProgramRecord, ImpedimentRecordSchema } from '../../storage/analysis-schema';
import { partsOf, readParts } from '../../storage/analysis-store';
import { analysisViewFor, narrowedView, sees } from '../analysis/analysis-view';
import { visibleCyclePath } from '../analysis/cycle-projection';
import { agedImpediment } from '../analysis/impediment-ages';
import { programRecordFor } from '../panel/board';
import { boardEpics } from '../panel/board-epics';
import type { Viewer } from '../viewer';
import { forecastOutlook, visibleSlipAlerts } from './forecast-outlook';

const TOP_EPICS = 10;

/**
 * The cadence advice over the gadget's projects, the scope its table counts (every program project when
 * not narrowed). An analysis stored before the evidence was recorded advises on the whole program.
 */
function scopedCadence(program: ProgramRecord, narrowed: ReadonlySet<string> | undefined) {
  const evidence = program.cadenceEvidence;
  const { advice, rule, factors } =
    narrowed && evidence ? cadenceFromEvidence(narrowEvidence(evidence, narrowed)) : program.cadence;
  return { advice, rule, factors };
}

export async function gadgetSteering(viewer: Viewer, config: GadgetConfig): Promise<Steering> {
  const permitted = await analysisViewFor(viewer);
  // The gadget's projects narrow what it lists; whether a key may be named is still the user's permission.
  const view = config.projectKeys?.length ? narrowedView(permitted, new Set(config.projectKeys)) : permitted;
  const m = view.manifest;
  const [program, { rows }, cycles, impediments] = await Promise.all([
    programRecordFor(view),
    boardEpics(view),
    m ? readParts(partsOf(m, 'cycles'), CycleRecordSchema) : [],
    m ? readParts(partsOf(m, 'impediments'), ImpedimentRecordSchema) : [],
  ]);
  const topEpics = rows.slice(0, TOP_EPICS);
  const [forecast, alerts] = await Promise.all([
    forecastOutlook(
      view,
      topEpics.map((e) => e.key),
    ),
    visibleSlipAlerts(view),
  ]);
  const seen = (key: string) => sees(permitted, key);
  const inScope = (key: string) => sees(view, key);
  const teamShown = (team: string) => view.visible.has(team) || rows.some((r) => r.team === team);
  const horizons = program.teams.filter((t) => teamShown(t.team));
  const cells = program.matrix.filter((c) => teamShown(c.needs) && teamShown(c.provides));
  const shownImpediments = impediments
    .filter((i) => inScope(i.key))
    .map((i) => agedImpediment(i, viewer.now));
  const ladder = program.impediments.perLevel.map((level) => {
    const open = shownImpediments.filter((i) => i.level === level.level);
    const ages = open.flatMap((i) => (i.daysAtLevel === null ? [] : [i.daysAtLevel]));
    return {
      level: level.level,
      open: open.length,
      breached: open.filter((i) => i.breached).length,
      oldestDays: ages.length ? Math.max(...ages) : null,
      slaDays: open[0]?.slaDays ?? null,
    };
  });
  return {
    programName: view.scope.name,
    programSource: view.scope.source,
    hiddenProjectCount: view.scope.hiddenProjectCount,
    hiddenIssueCount: view.hiddenKeys.size,
    snapshot: view.snapshot,
    analysis: view.analysis,
    title: config.title?.trim() || `${view.scope.name}: CPO overview`,
    sections: config.sections?.length ? config.sections : [...GADGET_SECTIONS],
    refreshMinutes: config.refreshMinutes ?? 0,
    horizons,
    band: program.band,
    readiness: {
      readyItems: horizons.reduce((n, t) => n + t.readyItems, 0),
      backlogItems: horizons.reduce((n, t) => n + t.backlogItems, 0),
    },
    topEpics,
    forecast,
    alerts,
    matrix: {
      teams: [...new Set(cells.flatMap((c) => [c.needs, c.provides]))].sort(),
      cells,
    },
    cycles: cycles
      .map((c) => ({
        keys: c.keys.filter(seen),
        path: visibleCyclePath(c.path, seen),
        hidden: c.keys.filter((k) => !seen(k)).length,
      }))
      .filter((c) => c.keys.some(inScope)),
    impediments: {
      perLevel: ladder,
      breaches: shownImpediments
        .filter((i) => i.breached)
        .map((i) => ({
          key: i.key,
          summary: i.summary,
          level: i.level,
          daysAtLevel: i.daysAtLevel,
          slaDays: i.slaDays,
        })),
    },
    cadence: scopedCadence(program, config.projectKeys?.length ? view.visible : undefined),
  };
}
