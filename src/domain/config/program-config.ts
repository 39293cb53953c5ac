/**
 * The program configuration (DOMAIN.md "where a definition leaves a choice, make it configurable"):
 * strict on purpose, so a typo in an admin's settings is reported with its field path instead of being
 * ignored. Every key has a default, so `parseProgramConfig({})` is the documented default program.
 */
import { z } from 'zod';
import { FieldRoleSchema } from './field-roles';
import { READINESS_RULE_IDS } from './readiness-rule-ids';
import { LEVEL_ID_PATTERN, withLevelIds } from '../impediments/ladder-levels';

/** A field named by its id (`customfield_10016`) or by its name as `/rest/api/3/field` lists it. */
const FieldRef = z.string().min(1);

/** Field overrides by role (field-roles.ts); an unknown role is reported by name. */
const FieldsSchema = z.partialRecord(FieldRoleSchema, FieldRef).default({});

const TeamsSchema = z
  .strictObject({
    /** `project`: one Jira project = one team (default); `field`: the team field's value names the team. */
    by: z.enum(['project', 'field']).default('project'),
  })
  .default({ by: 'project' });

const LinkTypeRule = z.strictObject({
  name: z.string().min(1),
  /** Which issue of the outward phrase is the prerequisite: `source` for "A blocks B", `target` for "A depends on B". */
  prerequisite: z.enum(['source', 'target']),
});

const DependenciesSchema = z
  .strictObject({
    /** Link types that make dependencies; omitted = every type whose outward phrase reads "blocks" or "depends on". */
    linkTypes: z.array(z.union([z.string().min(1), LinkTypeRule])).optional(),
  })
  .default({});

const RuleSettings = z.strictObject({
  enabled: z.boolean().default(true),
  weight: z.number().min(0).max(100).default(1),
  required: z.boolean().default(true),
});

const ReadinessSchema = z
  .strictObject({
    /** "Small enough": the largest estimate a ready item may carry (DOMAIN.md default 13). */
    maxPoints: z.number().positive().default(13),
    /** A description heading that counts as acceptance criteria when the field is empty. */
    acceptanceCriteriaHeading: z.string().min(1).default('Acceptance criteria'),
    rules: z.partialRecord(z.enum(READINESS_RULE_IDS), RuleSettings).default({}),
  })
  .default({ maxPoints: 13, acceptanceCriteriaHeading: 'Acceptance criteria', rules: {} });

const HorizonSchema = z
  .strictObject({
    minSprints: z.number().min(0).default(2),
    maxSprints: z.number().positive().default(4),
    /** How many of the team's last closed sprints make its velocity. */
    velocitySprints: z.number().int().min(1).max(12).default(3),
  })
  .default({ minSprints: 2, maxSprints: 4, velocitySprints: 3 })
  .refine((h) => h.minSprints <= h.maxSprints, {
    message: 'must not exceed the maximum sprints',
    path: ['minSprints'],
  });

const LevelSchema = z.strictObject({
  /** Stable across renames; configs saved before ids get one derived from the name (ladder-levels.ts). */
  id: z.string().regex(LEVEL_ID_PATTERN, 'must be lower-case letters, digits and dashes').optional(),
  name: z.string().min(1),
  /** Names this level had before; old histories and field values that carry them still find it. */
  formerNames: z.array(z.string().min(1)).max(20).default([]),
  /** A user's account id or a group's id (a group name in configs saved before the picker); shown, never used to authorise. */
  owner: z.string().min(1).optional(),
  /** What `owner` names, as picked; absent in older configs, where Jira decides (no such user = a group name). */
  ownerKind: z.enum(['user', 'group']).optional(),
  /** Days an impediment may stay at this level; null = no SLA (the top of the ladder). */
  slaDays: z.number().positive().nullable(),
});

/** With the ids a config saved without them derives (`withLevelIds`), so both read the same. */
export const DEFAULT_LADDER = [
  { id: 'team', name: 'Team', formerNames: [], slaDays: 2 },
  { id: 'scrum-of-scrums', name: 'Scrum of Scrums', formerNames: [], slaDays: 3 },
  { id: 'scrum-of-scrums-of-scrums', name: 'Scrum of Scrums of Scrums', formerNames: [], slaDays: 5 },
  { id: 'executive-action-team', name: 'Executive Action Team', formerNames: [], slaDays: null },
];

const LevelsSchema = z
  .array(LevelSchema)
  .min(1)
  .transform((levels) => withLevelIds(levels))
  .refine((levels) => new Set(levels.map((l) => l.id)).size === levels.length, {
    message: 'must have unique ids',
  });

const ImpedimentsSchema = z
  .strictObject({
    issueType: z.string().min(1).default('Impediment'),
    /** The issue property holding the escalation history `{ version, history: [{ from, to, at, by, reason }] }`. */
    historyProperty: z
      .string()
      .min(1)
      // Jira's limit on property keys; `.` and `..` would address another resource once in a URL path.
      .max(255, 'must be at most 255 characters')
      .refine((key) => key !== '.' && key !== '..', 'must not be "." or ".." (Jira would read it as a path)')
      .default('metascrum.escalation'),
    levels: LevelsSchema.default(DEFAULT_LADDER),
  })
  .default({ issueType: 'Impediment', historyProperty: 'metascrum.escalation', levels: DEFAULT_LADDER })
  .refine((i) => new Set(i.levels.map((l) => l.name)).size === i.levels.length, {
    message: 'must have unique names',
    path: ['levels'],
  });

const CadenceSchema = z
  .strictObject({
    /** Open impediments + open cross-team dependencies at which the load factor becomes medium / high. */
    openLoad: z.tuple([z.number().min(0), z.number().min(0)]).default([10, 25]),
    /** Items reaching the Scrum of Scrums per week (escalations + new impediments) for medium / high. */
    arrivalsPerWeek: z.tuple([z.number().min(0), z.number().min(0)]).default([2, 5]),
    /** Recent / usual median resolution time ratio for medium / high. */
    resolutionSlowdown: z.tuple([z.number().min(0), z.number().min(0)]).default([1.25, 2]),
  })
  .default({ openLoad: [10, 25], arrivalsPerWeek: [2, 5], resolutionSlowdown: [1.25, 2] });

const FORECAST_DEFAULTS = { trials: 2000, seed: 1, sampleSprints: 6, maxSprints: 104 };

const ForecastSchema = z
  .strictObject({
    /** Monte Carlo trials; at least 2,000 so P95 rests on 100 trials. */
    trials: z.number().int().min(2000).max(20000).default(FORECAST_DEFAULTS.trials),
    /** Seed of the trials' random numbers: the same program and seed give the same forecast. */
    seed: z.number().int().min(0).max(0xffffffff).default(FORECAST_DEFAULTS.seed),
    /** How many of a team's last closed sprints its future capacity is drawn from. */
    sampleSprints: z.number().int().min(1).max(26).default(FORECAST_DEFAULTS.sampleSprints),
    /** Sprints a trial looks ahead per team; work still open then is reported as beyond the horizon. */
    maxSprints: z.number().int().min(1).max(520).default(FORECAST_DEFAULTS.maxSprints),
  })
  .default(FORECAST_DEFAULTS);

/** What the app does when an analysis raises a slip alert (docs/DOMAIN.md "Slip alerts"); off by default. */
const AlertsSchema = z
  .strictObject({
    /** E-mail both sides' assignees through Jira's issue notification. */
    notify: z.boolean().default(false),
    /** Raise an Impediment at the Scrum of Scrums level that blocks the dependant of a slipped dependency. */
    raiseImpediment: z.boolean().default(false),
  })
  .default({ notify: false, raiseImpediment: false });

/** More team projects than a Scrum@Scale program has; bounds what one save can ask the app to read. */
export const MAX_PROGRAM_PROJECTS = 1_000;

export const ProgramConfigSchema = z.strictObject({
  /** Shown in every view and stored in every analysis: a name, not a document. */
  name: z.string().min(1).max(255, 'must be at most 255 characters').default('Program'),
  /** The team projects of the program; empty = every project in the input. */
  projects: z
    .array(
      z
        .string()
        .max(255)
        .regex(/^[A-Z][A-Z0-9_]*$/, 'expected a Jira project key'),
    )
    .max(MAX_PROGRAM_PROJECTS, `at most ${MAX_PROGRAM_PROJECTS} projects`)
    .default([]),
  teams: TeamsSchema,
  fields: FieldsSchema,
  dependencies: DependenciesSchema,
  readiness: ReadinessSchema,
  horizon: HorizonSchema,
  impediments: ImpedimentsSchema,
  cadence: CadenceSchema,
  forecast: ForecastSchema,
  alerts: AlertsSchema,
});

export type ProgramConfig = z.output<typeof ProgramConfigSchema>;
export type ProgramConfigInput = z.input<typeof ProgramConfigSchema>;
export type { FieldRole } from './field-roles';

export interface ConfigProblem {
  /** Dotted path of the bad field, e.g. `horizon.minSprints` or `readiness.rules.estimated.weight`. */
  field: string;
  message: string;
}

/** An invalid configuration; `problems` names every bad field, and so does the message. */
export class ProgramConfigError extends Error {
  override readonly name = 'ProgramConfigError';
  constructor(readonly problems: ConfigProblem[]) {
    super(`invalid program config: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  }
}

function pathOf(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}

function problemsOf(error: z.ZodError): ConfigProblem[] {
  return error.issues.flatMap((issue) => {
    const base = pathOf(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: base ? `${base}.${key}` : key, message: 'unknown field' }));
    }
    return [{ field: base || '(root)', message: issue.message }];
  });
}

/** Parses a program configuration or throws a {@link ProgramConfigError} naming every bad field. */
export function parseProgramConfig(raw: unknown): ProgramConfig {
  const parsed = ProgramConfigSchema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  throw new ProgramConfigError(problemsOf(parsed.error));
}

/** The default configuration (DOMAIN.md defaults). */
export function defaultProgramConfig(): ProgramConfig {
  return parseProgramConfig({});
}
