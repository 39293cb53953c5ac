/** The forecast and slip alerts as the surfaces show them (docs/DOMAIN.md "Forecast", "Slip alerts"). */
import { z } from 'zod';

/** One epic's forecast: the same stored numbers the report's `forecast.epics` gives. */
export const EpicForecastSchema = z.object({
  key: z.string(),
  p50Date: z.string().nullable(),
  p85Date: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** Share of trials on or before the due date (0-1); null without a due date. */
  pOnTime: z.number().nullable(),
  unforecastable: z.string().nullable(),
});
export type EpicForecast = z.infer<typeof EpicForecastSchema>;

/** The program's burn-up fan: by each date, how many epics are done at P50, P85 and P95. */
export const BurnUpPointSchema = z.object({
  date: z.string(),
  p50: z.number().int(),
  p85: z.number().int(),
  p95: z.number().int(),
});

export const SlipAlertViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['dependency', 'epic-due']),
  key: z.string(),
  prerequisite: z.string().nullable(),
  detail: z.string(),
  raisedAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type SlipAlertView = z.infer<typeof SlipAlertViewSchema>;

export const ForecastOutlookSchema = z.object({
  /** The top-ranked epics' forecasts, in rank order. */
  epics: z.array(EpicForecastSchema),
  /** Forecastable epics the fan counts, and its points in date order. */
  epicCount: z.number().int(),
  burnUp: z.array(BurnUpPointSchema),
});
export type ForecastOutlook = z.infer<typeof ForecastOutlookSchema>;

/** The issue panel's forecast of an item or epic, and the prerequisite chain that drives it. */
export const IssueForecastSchema = z.object({
  p50Sprint: z.number().int().nullable(),
  p85Sprint: z.number().int().nullable(),
  p95Sprint: z.number().int().nullable(),
  p50Date: z.string().nullable(),
  p85Date: z.string().nullable(),
  p95Date: z.string().nullable(),
  dueDate: z.string().nullable(),
  pOnTime: z.number().nullable(),
  unforecastable: z.string().nullable(),
  /** What delays it in most trials, then what delays that, ... (each with its own P85 date). */
  drivenBy: z.array(z.object({ key: z.string(), p85Date: z.string().nullable() })),
  /** The chain goes on through an issue you cannot see. */
  drivenByHidden: z.boolean(),
});
export type IssueForecast = z.infer<typeof IssueForecastSchema>;

/** More epics than a program lists: a bound on the order one preview may propose. */
export const MAX_PREVIEW_ORDER = 2_000;

/** One visible epic's forecast now and under the proposed MetaScrum order (same trials, same seed). */
export const OrderPreviewEpicSchema = z.object({
  key: z.string(),
  summary: z.string(),
  currentRank: z.number().int(),
  proposedRank: z.number().int(),
  currentP85Date: z.string().nullable(),
  proposedP85Date: z.string().nullable(),
  dueDate: z.string().nullable(),
  currentPOnTime: z.number().nullable(),
  proposedPOnTime: z.number().nullable(),
  unforecastable: z.string().nullable(),
});
export type OrderPreviewEpic = z.infer<typeof OrderPreviewEpicSchema>;

export const OrderPreviewSchema = z.object({
  /** Trials of each run: fewer than the stored forecast's, so both numbers here come from this run. */
  trials: z.number().int(),
  seed: z.number().int(),
  /** Visible epics in the proposed order. */
  epics: z.array(OrderPreviewEpicSchema),
});
export type OrderPreview = z.infer<typeof OrderPreviewSchema>;
