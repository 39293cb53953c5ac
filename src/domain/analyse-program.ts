/**
 * The analysis engine's one entry point: Jira-shaped program in, every DOMAIN.md answer out.
 * Pure (no I/O, no clock: `now` is an option). Issues may be fed in pages through
 * {@link ProgramAnalyser} so that a caller never holds all raw issues at once.
 */
import {
  CatalogFieldSchema,
  type BoardEstimation,
  type CatalogField,
  type FieldResolution,
  type ObservedValues,
} from './config/field-resolution';
import { ObservedValueCounter } from './config/observed-values';
import { readBoardEstimations } from './config/board-estimations';
import { resolveFields } from './config/resolve-fields';
import { storyPointCandidates } from './config/resolve-story-points';
import { parseProgramConfig, type ProgramConfig, type ProgramConfigInput } from './config/program-config';
import type { ProgramModel } from './model/program-model';
import { buildProgramModel } from './normalise/build-program-model';
import { LinkTypeSchema } from './normalise/issue-schema';
import { classifyConfigured, verdictOf, type LinkTypeVerdict } from './normalise/link-direction';
import { ProgramNormaliser } from './normalise/program-normaliser';
import { readIssueProperties } from './normalise/issue-properties';
import { analyseModel, type ProgramAnalysis } from './analyse-model';
import type { ProgramForecast } from './forecast/forecast-entry';
import { forecastProgram } from './forecast/forecast-program';
import { buildDependencyGraph, type DependencyGraph } from './graph/dependency-graph';

export interface ProgramInput {
  /** Issues as `POST /rest/api/3/search/jql` returns them (with `fields`, optionally `properties`). */
  issues: Iterable<unknown>;
  /** Sprints as `GET /rest/agile/1.0/board/{id}/sprint` lists them (optional: issues carry copies). */
  sprints?: Iterable<unknown> | undefined;
  /** `GET /rest/api/3/issueLinkType` (optional: shown in the analysis). */
  issueLinkTypes?: readonly unknown[] | undefined;
  /** The field catalog, `GET /rest/api/3/field`: how custom fields are discovered by name. */
  fields?: readonly unknown[] | undefined;
  /**
   * Board configurations, `GET /rest/agile/1.0/board/{id}/configuration` (with `location.projectKey`
   * or `location.projectKeyOrId`): each board's estimation field says where its team's points live.
   */
  boards?: readonly unknown[] | undefined;
  /** How many issues carry a value in each story-point candidate (analyseProgram counts them itself). */
  observedValues?: ObservedValues | undefined;
  /** A resolution made earlier (the app stores one with each snapshot): used as-is, never re-resolved. */
  fieldResolution?: FieldResolution | undefined;
  /** Issue properties by issue key, then property key (escalation histories). */
  issueProperties?: unknown;
}

export interface AnalyseOptions {
  /** The analysis date: ages, SLAs, trends and undated sprints are measured from it. */
  now: Date | number | string;
  /** The CPO's explicit epic order (stored by the app); Jira rank orders the rest. */
  epicOrder?: readonly string[] | undefined;
}

function toMs(now: AnalyseOptions['now']): number {
  const ms = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(now);
  if (!Number.isFinite(ms)) throw new RangeError(`now: not a date: ${String(now)}`);
  return ms;
}

/** Feeds a program in pages, then analyses it once. */
export class ProgramAnalyser {
  readonly config: ProgramConfig;
  private readonly normaliser: ProgramNormaliser;
  /** Each listed link type's classification and why (the report's `linkTypes`). */
  readonly linkTypes: LinkTypeVerdict[];
  /** Link types that read like dependencies but are not classified, and other link-type guesses. */
  readonly linkTypeWarnings: string[];
  private readonly properties;

  constructor(config: ProgramConfigInput, input: Omit<ProgramInput, 'issues'> = {}) {
    this.config = parseProgramConfig(config);
    const resolution =
      input.fieldResolution ??
      resolveFields({
        catalog: catalogOf(input.fields),
        boards: readBoardEstimations(input.boards),
        observed: input.observedValues ?? new Map(),
        overrides: this.config.fields,
      });
    this.normaliser = new ProgramNormaliser(this.config, resolution);
    if (input.sprints) this.normaliser.addSprints(input.sprints);
    const listed = (input.issueLinkTypes ?? []).flatMap((raw) => {
      const parsed = LinkTypeSchema.safeParse(raw);
      return parsed.success ? [parsed.data] : [];
    });
    this.linkTypes = listed.map((t) => verdictOf(t, this.config));
    this.linkTypeWarnings = listed.flatMap((t) => classifyConfigured(t, this.config).warning ?? []);
    this.properties = readIssueProperties(input.issueProperties, this.config.impediments.historyProperty);
  }

  addIssues(issues: Iterable<unknown>): this {
    for (const issue of issues) this.normaliser.addIssue(issue);
    return this;
  }

  /** The normalised program (for callers that want more than the standard analysis). */
  model(nowMs: number): ProgramModel {
    return buildProgramModel(this.normaliser.finish(), this.config, this.properties, nowMs);
  }

  analyse(options: AnalyseOptions): ProgramAnalysis {
    return this.analyseModel(this.model(toMs(options.now)), options);
  }

  /** The analysis and, after it, the forecast (docs/DOMAIN.md "Forecast") of the same model. */
  analyseAndForecast(options: AnalyseOptions): { analysis: ProgramAnalysis; forecast: ProgramForecast } {
    const nowMs = toMs(options.now);
    const model = this.model(nowMs);
    // One dependency graph for both: the forecast reads the graph the analysis built.
    const graph = buildDependencyGraph(model);
    const analysis = this.analyseModel(model, options, graph);
    const forecast = forecastProgram(model, {
      nowMs,
      epicOrder: analysis.priority.order,
      settings: this.config.forecast,
      graph,
    });
    return { analysis, forecast };
  }

  private analyseModel(
    model: ProgramModel,
    options: AnalyseOptions,
    graph?: DependencyGraph,
  ): ProgramAnalysis {
    return analyseModel(model, this.config, {
      nowMs: toMs(options.now),
      epicOrder: options.epicOrder ?? [],
      linkTypes: this.linkTypes,
      warnings: this.linkTypeWarnings,
      graph,
    });
  }
}

function catalogOf(fields: readonly unknown[] | undefined): CatalogField[] {
  return (fields ?? []).flatMap((f) => {
    const parsed = CatalogFieldSchema.safeParse(f);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Counts which story-point candidates the issues fill, for a caller holding every issue at once. */
export function observeValues(
  issues: Iterable<unknown>,
  fields: readonly unknown[] | undefined,
  boards: readonly BoardEstimation[],
): ObservedValues {
  const counter = new ObservedValueCounter(storyPointCandidates(catalogOf(fields), boards));
  for (const issue of issues) counter.observeIssue(issue);
  return counter.result();
}

/**
 * Analyses a Jira-shaped program. Throws ProgramConfigError (every bad field named) on an invalid
 * config; never throws on odd Jira data.
 */
export function analyseProgram(
  input: ProgramInput,
  config: ProgramConfigInput,
  options: AnalyseOptions,
): ProgramAnalysis {
  const issues = [...input.issues];
  const observedValues =
    input.observedValues ?? observeValues(issues, input.fields, readBoardEstimations(input.boards));
  return new ProgramAnalyser(config, { ...input, observedValues }).addIssues(issues).analyse(options);
}

export type { ProgramAnalysis };
