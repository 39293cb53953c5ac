/**
 * Slip alerts (docs/DOMAIN.md "Slip alerts"): what an analysis finds slipping, and which of it is news.
 * A slip is either a dependency in conflict (the prerequisite's sprint ends after the dependant's, or
 * the prerequisite is unplanned while the dependant is planned) or an open epic whose P85 forecast
 * lands after its due date (or beyond the forecast horizon). An alert is raised when a slip appears
 * that the previous analysis did not see; it stays one alert however many analyses see it, and it
 * resolves itself when the slip clears. The first analysis only records what is slipping already, so
 * installing the app does not raise an alert for every old conflict.
 */
import type { ForecastEntry } from '../forecast/forecast-entry';
import type { OpenDependency } from '../graph/open-dependencies';

export type SlipKind = 'dependency' | 'epic-due';

export interface Slip {
  /** Stable identity of the slip: `dep:<prerequisite>><dependant>` or `due:<epic>`. */
  id: string;
  kind: SlipKind;
  /** The issue that slips: the dependant, or the epic. */
  key: string;
  /** The prerequisite of a dependency slip, else null. */
  prerequisite: string | null;
  detail: string;
}

export interface SlipAlert extends Slip {
  raisedAt: string;
  resolvedAt: string | null;
}

export interface SlipAlertState {
  /**
   * Hashes ({@link slipHash}) of the slip ids the last analysis saw, alerted or not, so that only new
   * ones raise alerts: a 100k-issue program has thousands of conflicts, and 4 bytes each keep the
   * record far under the storage limit.
   */
  seen: number[];
  /** Alerts raised and not resolved yet, newest first. */
  open: SlipAlert[];
  /** Alerts that resolved themselves, newest first (the last few, for the surfaces). */
  resolved: SlipAlert[];
}

/** Bounds of the stored state: enough for a program's steering, small enough for one stored record. */
export const MAX_OPEN_ALERTS = 200;
export const MAX_RESOLVED_ALERTS = 50;

/** FNV-1a, 32 bits: a slip id's fingerprint in the stored state (a collision only hides one alert). */
export function slipHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export function detectSlips(
  dependencies: readonly OpenDependency[],
  epics: readonly ForecastEntry[],
): Slip[] {
  const slips: Slip[] = [];
  for (const d of dependencies) {
    if (d.status !== 'conflict') continue;
    const detail =
      d.fromSprint === undefined
        ? `${d.from} (${d.fromTeam}) is not planned in a sprint, but ${d.to} (${d.toTeam}) needs it in ${d.toSprint ?? 'a sprint'}`
        : `${d.from} (${d.fromTeam}) is planned in ${d.fromSprint}, which ends after ${d.to} (${d.toTeam}) in ${d.toSprint ?? 'its sprint'}`;
    slips.push({ id: `dep:${d.from}>${d.to}`, kind: 'dependency', key: d.to, prerequisite: d.from, detail });
  }
  for (const e of epics) {
    if (e.dueDate === null || e.unforecastable !== null) continue;
    if (e.p85Date !== null && e.p85Date <= e.dueDate) continue;
    const lands = e.p85Date === null ? 'beyond the forecast horizon' : `by ${e.p85Date}`;
    slips.push({
      id: `due:${e.key}`,
      kind: 'epic-due',
      key: e.key,
      prerequisite: null,
      detail: `${e.key} is due ${e.dueDate}, but 85 % of the forecast trials finish it only ${lands}`,
    });
  }
  return slips;
}

export interface SlipChanges {
  next: SlipAlertState;
  /** Alerts raised by this analysis (to notify and escalate once). */
  raised: SlipAlert[];
  /** Alerts this analysis resolved. */
  resolved: SlipAlert[];
}

export function reconcileSlips(
  previous: SlipAlertState | undefined,
  slips: readonly Slip[],
  nowIso: string,
): SlipChanges {
  const current = new Map(slips.map((s) => [s.id, s]));
  const seen = new Set(previous?.seen ?? []);
  const stillOpen: SlipAlert[] = [];
  const resolved: SlipAlert[] = [];
  for (const alert of previous?.open ?? []) {
    const slip = current.get(alert.id);
    if (slip) stillOpen.push({ ...alert, detail: slip.detail });
    else resolved.push({ ...alert, resolvedAt: nowIso });
  }
  const openIds = new Set(stillOpen.map((a) => a.id));
  const raised: SlipAlert[] =
    previous === undefined
      ? []
      : slips
          .filter((s) => !seen.has(slipHash(s.id)) && !openIds.has(s.id))
          .map((s) => ({ ...s, raisedAt: nowIso, resolvedAt: null }));
  return {
    next: {
      seen: [...new Set(slips.map((s) => slipHash(s.id)))].sort((a, b) => a - b),
      open: [...raised, ...stillOpen].slice(0, MAX_OPEN_ALERTS),
      resolved: [...resolved, ...(previous?.resolved ?? [])].slice(0, MAX_RESOLVED_ALERTS),
    },
    raised,
    resolved,
  };
}
