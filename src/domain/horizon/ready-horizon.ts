/**
 * Ready-backlog horizon per team (DOMAIN.md): ready points in the team's backlog (open items not in
 * the active sprint) / velocity, in sprints, against the target band (default 2-4, seed 000):
 * below = red (the team will starve), within = green, above = amber (refined too far ahead).
 */
import type { ProgramConfig } from '../config/program-config';
import type { ProgramItem, ProgramModel } from '../model/program-model';
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
  readyNodes: Uint8Array,
  config: ProgramConfig,
): TeamHorizon[] {
  const { minSprints, maxSprints, velocitySprints } = config.horizon;
  const activeSprints = new Set(
    [...model.sprints.values()].filter((s) => s.state === 'active').map((s) => s.id),
  );
  const byTeam = new Map<string, Array<{ item: ProgramItem; node: number }>>(model.teams.map((t) => [t, []]));
  model.items.forEach((item, node) => {
    if (item.external || item.kind !== 'backlog' || item.team === undefined) return;
    byTeam.get(item.team)?.push({ item, node });
  });
  return model.teams.map((team) => {
    const entries = byTeam.get(team) ?? [];
    const velocity = teamVelocity(
      entries.map((e) => e.item),
      model.sprints,
      velocitySprints,
    );
    const backlog = entries.filter(
      ({ item }) => !item.done && !item.sprintIds.some((id) => activeSprints.has(id)),
    );
    const ready = backlog.filter(({ node }) => readyNodes[node] === 1);
    const readyPoints = ready.reduce((sum, { item }) => sum + (item.points ?? 0), 0);
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
