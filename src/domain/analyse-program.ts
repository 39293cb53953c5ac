/**
 * The analysis engine's one entry point: Jira-shaped program in, every DOMAIN.md answer out.
 * Pure (no I/O, no clock: `now` is an option). Issues may be fed in pages through
 * {@link ProgramAnalyser} so that a caller never holds all raw issues at once.
 */
import { CatalogFieldSchema, resolveFieldMap } from './config/field-map';
import { parseProgramConfig, type ProgramConfig, type ProgramConfigInput } from './config/program-config';
import type { ProgramModel } from './model/program-model';
import { buildProgramModel } from './normalise/build-program-model';
import { LinkTypeSchema } from './normalise/issue-schema';
import { linkPolarityFor } from './normalise/link-direction';
import { ProgramNormaliser } from './normalise/program-normaliser';
import { readIssueProperties } from './normalise/issue-properties';
import { analyseModel, type ProgramAnalysis } from './analyse-model';
import type { ProgramForecast } from './forecast/forecast-entry';
import { forecastProgram } from './forecast/forecast-program';

export interface ProgramInput {
  /** Issues as `POST /rest/api/3/search/jql` returns them (with `fields`, optionally `properties`). */
  issues: Iterable<unknown>;
  /** Sprints as `GET /rest/agile/1.0/board/{id}/sprint` lists them (optional: issues carry copies). */
  sprints?: Iterable<unknown> | undefined;
  /** `GET /rest/api/3/issueLinkType` (optional: shown in the analysis). */
  issueLinkTypes?: readonly unknown[] | undefined;
  /** The field catalog, `GET /rest/api/3/field`: how custom fields are discovered by name. */
  fields?: readonly unknown[] | undefined;
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
  private readonly linkTypes: Array<{
    name: string;
    dependency: 'prerequisite is the source' | 'prerequisite is the target' | null;
  }>;
  private readonly properties;

  constructor(config: ProgramConfigInput, input: Omit<ProgramInput, 'issues'> = {}) {
    this.config = parseProgramConfig(config);
    const catalog = (input.fields ?? []).flatMap((f) => {
      const parsed = CatalogFieldSchema.safeParse(f);
      return parsed.success ? [parsed.data] : [];
    });
    const { map, resolved } = resolveFieldMap(this.config, catalog);
    this.normaliser = new ProgramNormaliser(this.config, map, resolved);
    if (input.sprints) this.normaliser.addSprints(input.sprints);
    const polarityOf = linkPolarityFor(this.config);
    this.linkTypes = (input.issueLinkTypes ?? []).flatMap((raw) => {
      const parsed = LinkTypeSchema.safeParse(raw);
      if (!parsed.success) return [];
      const polarity = polarityOf(parsed.data)?.polarity;
      const dependency =
        polarity === undefined
          ? null
          : polarity === 'source-provides'
            ? 'prerequisite is the source'
            : 'prerequisite is the target';
      return [{ name: parsed.data.name, dependency }];
    });
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
    const analysis = this.analyseModel(model, options);
    const forecast = forecastProgram(model, {
      nowMs,
      epicOrder: analysis.priority.order,
      settings: this.config.forecast,
    });
    return { analysis, forecast };
  }

  private analyseModel(model: ProgramModel, options: AnalyseOptions): ProgramAnalysis {
    return analyseModel(model, this.config, {
      nowMs: toMs(options.now),
      epicOrder: options.epicOrder ?? [],
      linkTypes: this.linkTypes,
    });
  }
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
  return new ProgramAnalyser(config, input).addIssues(input.issues).analyse(options);
}

export type { ProgramAnalysis };
