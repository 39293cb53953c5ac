/**
 * The stored form of a forecast basis (domain/forecast/forecast-basis.ts): only the item fields the
 * forecast reads, one short tuple per item, so that the basis of a 100k-issue program packs to tens of
 * KVS units rather than the thousand its snapshot takes. Decoding fills every other item field with the
 * value that means "not known", which the forecast never reads.
 */
import { z } from 'zod';
import type { ForecastBasis } from '../domain/forecast/forecast-basis';
import type { TeamCalendar } from '../domain/forecast/team-calendar';
import { projectKeyOf } from '../domain/issue-key';
import {
  itemOfFacts,
  type ItemKind,
  type ProgramItem,
  type ProgramModel,
} from '../domain/model/program-model';
import type { FieldResolution } from '../domain/config/field-resolution';

const KINDS = ['epic', 'backlog', 'subtask', 'impediment'] as const satisfies readonly ItemKind[];
const SPRINT_STATES = ['active', 'closed', 'future'] as const;

const nullable = <S extends z.ZodType>(schema: S) => schema.nullable();
const ItemTupleSchema = z.tuple([
  z.string(), // key
  z
    .number()
    .int()
    .min(0)
    .max(KINDS.length - 1), // kind
  nullable(z.string()), // team
  nullable(z.number()), // points
  nullable(z.string()), // rank, as its place among the basis's ranks (rankPlaces)
  nullable(z.string()), // epicKey
  nullable(z.string()), // parentKey (sub-tasks only: a sub-task prerequisite stands for its parent)
  nullable(z.string()), // dueDate
  z.union([z.literal(0), z.literal(1)]), // external
  z.array(z.number().int()), // sprintIds
  nullable(z.string()), // summary (epics only: the preview names them)
]);
const CalendarSchema = z.strictObject({
  team: z.string(),
  samples: z.array(z.number()),
  cadenceMs: z.number(),
  /** Sprint starts and ends as differences from the one before (the first from 0): mostly the cadence. */
  starts: z.array(z.number()),
  ends: z.array(z.number()),
  knownSprints: z.number().int(),
  unforecastable: z.string().nullable(),
});

export const ForecastBasisRecordSchema = z.strictObject({
  nowMs: z.number(),
  sampleSprints: z.number().int(),
  maxSprints: z.number().int(),
  teams: z.array(z.string()),
  sprints: z.array(z.tuple([z.number().int(), z.number().int().min(0).max(2)])),
  items: z.array(ItemTupleSchema),
  /** Links as item index pairs, flat: from, to, from, to... (their type is never read). */
  links: z.array(z.number().int().min(0)),
  calendars: z.array(CalendarSchema),
  medianSizes: z.array(z.tuple([z.string(), z.number()])),
});
export type ForecastBasisRecord = z.infer<typeof ForecastBasisRecordSchema>;

/** Differences from the previous value (the first from 0), and back: exact for integer milliseconds. */
const deltas = (values: ArrayLike<number>) =>
  Array.from(values, (v, i) => (i === 0 ? v : v - (values[i - 1] ?? 0)));
function sums(values: readonly number[]): Float64Array {
  const out = new Float64Array(values.length);
  values.forEach((v, i) => (out[i] = i === 0 ? v : (out[i - 1] ?? 0) + v));
  return out;
}

/**
 * Jira ranks compare as strings and only that is read (compareByRank): each rank is replaced by its place
 * among the basis's distinct ranks, written in base 36 at one width, so it compares the same and packs small.
 */
function rankPlaces(items: readonly ProgramItem[]): Map<string, string> {
  const ranks = [...new Set(items.flatMap((i) => i.rank ?? []))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const width = Math.max(1, ranks.length.toString(36).length);
  return new Map(ranks.map((rank, i) => [rank, i.toString(36).padStart(width, '0')]));
}

export function forecastBasisRecord(basis: ForecastBasis): ForecastBasisRecord {
  const { model } = basis;
  const places = rankPlaces(model.items);
  return {
    nowMs: basis.nowMs,
    sampleSprints: basis.sampleSprints,
    maxSprints: basis.maxSprints,
    teams: model.teams,
    sprints: [...model.sprints.values()].map((s) => [s.id, SPRINT_STATES.indexOf(s.state)]),
    items: model.items.map((i) => [
      i.key,
      KINDS.indexOf(i.kind),
      i.team ?? null,
      i.points ?? null,
      i.rank === undefined ? null : (places.get(i.rank) ?? null),
      i.epicKey ?? null,
      i.kind === 'subtask' ? (i.parentKey ?? null) : null,
      i.dueDate ?? null,
      i.external ? 1 : 0,
      [...i.sprintIds],
      i.kind === 'epic' ? i.summary : null,
    ]),
    links: model.links.flatMap((l) => [l.from, l.to]),
    calendars: basis.calendars.map((c) => ({
      team: c.team,
      samples: c.samples,
      cadenceMs: c.cadenceMs,
      starts: deltas(c.starts),
      ends: deltas(c.ends),
      knownSprints: c.knownSprints,
      unforecastable: c.unforecastable ?? null,
    })),
    medianSizes: [...basis.medianSizes],
  };
}

/** Field resolution is not read by the forecast; the model type wants one. */
const NO_RESOLUTION: FieldResolution = { fields: [], storyPointsByProject: [], warnings: [] };

function itemOf(tuple: ForecastBasisRecord['items'][number]): ProgramItem {
  const [key, kind, team, points, rank, epicKey, parentKey, dueDate, external, sprintIds, summary] = tuple;
  const itemKind = KINDS[kind] ?? 'backlog';
  return itemOfFacts({
    key,
    summary: summary ?? '',
    projectKey: projectKeyOf(key),
    team: team ?? undefined,
    kind: itemKind,
    issueType: 'Unknown',
    statusName: 'Unknown',
    done: false,
    parentKey: parentKey ?? undefined,
    parentVia: parentKey === null ? undefined : 'parent',
    epicKey: epicKey ?? undefined,
    points: points ?? undefined,
    rank: rank ?? undefined,
    sprintIds,
    dueDate: dueDate ?? undefined,
    external: external === 1,
  });
}

export function forecastBasisOf(record: ForecastBasisRecord): ForecastBasis {
  const items = record.items.map(itemOf);
  const links: ProgramModel['links'] = [];
  for (let i = 0; i + 1 < record.links.length; i += 2)
    links.push({ from: record.links[i] ?? 0, to: record.links[i + 1] ?? 0, linkType: '' });
  const calendars: TeamCalendar[] = record.calendars.map((c) => ({
    ...c,
    starts: sums(c.starts),
    ends: sums(c.ends),
    unforecastable: c.unforecastable ?? undefined,
  }));
  return {
    nowMs: record.nowMs,
    sampleSprints: record.sampleSprints,
    maxSprints: record.maxSprints,
    model: {
      items,
      indexOf: new Map(items.map((item, i) => [item.key, i])),
      sprints: new Map(
        record.sprints.map(([id, state]) => [
          id,
          {
            id,
            name: '',
            state: SPRINT_STATES[state] ?? 'future',
            boardId: undefined,
            startMs: undefined,
            endMs: undefined,
            completeMs: undefined,
            estimated: false,
          },
        ]),
      ),
      links,
      impedimentLinks: [],
      fieldResolution: NO_RESOLUTION,
      teams: record.teams,
      warnings: [],
    },
    calendars,
    medianSizes: new Map(record.medianSizes),
  };
}
