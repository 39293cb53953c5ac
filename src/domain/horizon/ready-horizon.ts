/**
 * Ready-backlog horizon per team (DOMAIN.md): ready points in the team's backlog (open items not in
 * the active sprint) / velocity, in sprints, against the target band (default 2-4, seed 000):
 * below = red (the team will starve), within = green, above = amber (refined too far ahead).
 */
import type { ProgramConfig } from '../config/program-config';
import type { ProgramModel } from '../model/program-model';
import type { ItemReadiness } from '../readiness/definition-of-ready';
import { teamVelocity, type Velocity } from './team-velocity';

export type HorizonStatus = 'red' | 'green' | 'amber' | 'unknown';

export interface TeamHorizon {
  team: string;
  velocity: number | null;
  readyPoints: number;
  /** Open backlog items outside the active sprint, ready or not. */
  backlogItems: number;
  readyItems: number;
  horizonSprints: number | null;
  status: HorizonStatus;
  /** Why the status is what it is, e.g. "1.6 sprints is below the 2-4 band" or "unknown, because ...". */
  reason: string;
  velocityBasis: Velocity['sprints'];
}

function statusFor(horizon: number, min: number, max: number): [HorizonStatus, string] {
  const band = `the ${min}-${max} sprint band`;
  if (horizon < min) return ['red', `${horizon} sprints is below ${band}: the team will starve`];
  if (horizon > max) return ['amber', `${horizon} sprints is above ${band}: refined too far ahead`];
  return ['green', `${horizon} sprints is within ${band}`];
}

export function teamHorizons(
  model: ProgramModel,
  readiness: readonly ItemReadiness[],
  config: ProgramConfig,
): TeamHorizon[] {
  const { minSprints, maxSprints, velocitySprints } = config.horizon;
  const readyByKey = new Map(readiness.map((r) => [r.key, r.ready]));
  const byTeam = new Map<string, ProgramModel['items']>(model.teams.map((t) => [t, []]));
  for (const item of model.items) {
    if (item.external || item.kind !== 'backlog' || item.team === undefined) continue;
    byTeam.get(item.team)?.push(item);
  }
  return model.teams.map((team) => {
    const items = byTeam.get(team) ?? [];
    const velocity = teamVelocity(items, model.sprints, velocitySprints);
    const backlog = items.filter(
      (i) => !i.done && !i.sprintIds.some((id) => model.sprints.get(id)?.state === 'active'),
    );
    const ready = backlog.filter((i) => readyByKey.get(i.key) === true);
    const readyPoints = ready.reduce((sum, i) => sum + (i.points ?? 0), 0);
    const base = {
      team,
      readyPoints,
      backlogItems: backlog.length,
      readyItems: ready.length,
      velocityBasis: velocity.sprints,
    };
    if (!velocity.known) {
      return {
        ...base,
        velocity: null,
        horizonSprints: null,
        status: 'unknown',
        reason: `unknown, because ${velocity.reason}`,
      };
    }
    const horizonSprints = Math.round((readyPoints / velocity.value) * 100) / 100;
    const [status, reason] = statusFor(horizonSprints, minSprints, maxSprints);
    return { ...base, velocity: velocity.value, horizonSprints, status, reason };
  });
}
