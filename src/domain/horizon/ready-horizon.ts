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

/** `backlog`: the in-program backlog items' indexes, open or done (ItemGroups), in item order. */
export function teamHorizons(
  model: ProgramModel,
  backlog: readonly number[],
  readyNodes: Uint8Array,
  config: ProgramConfig,
): TeamHorizon[] {
  const { minSprints, maxSprints, velocitySprints } = config.horizon;
  const activeSprints = new Set<number>();
  for (const sprint of model.sprints.values()) if (sprint.state === 'active') activeSprints.add(sprint.id);
  // Items and their node indexes in parallel lists: no per-item wrapper objects for 100k items.
  const byTeam = new Map<string, { items: ProgramItem[]; nodes: number[] }>(
    model.teams.map((t) => [t, { items: [], nodes: [] }]),
  );
  const { items } = model;
  for (let b = 0; b < backlog.length; b++) {
    const node = backlog[b] ?? 0;
    const item = items[node];
    if (!item || item.team === undefined) continue;
    const entries = byTeam.get(item.team);
    if (!entries) continue;
    entries.items.push(item);
    entries.nodes.push(node);
  }
  return model.teams.map((team) => {
    const entries = byTeam.get(team) ?? { items: [], nodes: [] };
    const velocity = teamVelocity(entries.items, model.sprints, velocitySprints);
    let backlogItems = 0;
    let readyItems = 0;
    let readyPoints = 0;
    for (let i = 0; i < entries.items.length; i++) {
      const item = entries.items[i];
      if (!item || item.done || inAny(item.sprintIds, activeSprints)) continue;
      backlogItems++;
      if (readyNodes[entries.nodes[i] ?? -1] !== 1) continue;
      readyItems++;
      readyPoints += item.points ?? 0;
    }
    const base = {
      team,
      readyPoints,
      backlogItems,
      readyItems,
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

function inAny(ids: readonly number[], set: ReadonlySet<number>): boolean {
  for (let i = 0; i < ids.length; i++) if (set.has(ids[i] ?? Number.NaN)) return true;
  return false;
}
