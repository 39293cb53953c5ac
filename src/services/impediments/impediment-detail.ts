/** The issue section's view of one impediment: level, owner, SLA, history with names, allowed actions. */
import { allowedActions, stateOf } from '../../domain/impediments/escalation-ladder';
import type { ImpedimentFacts } from '../../domain/impediments/impediment-records';
import { daysSince, enteredLevelMs, slaPosition } from '../../domain/impediments/impediment-sla';
import type { JiraClient } from '../../jira/client';
import type { ImpedimentDetail } from '../../shared/impediment-contract';
import type { ImpedimentSettings } from './impediment-context';
import { resolveOwner } from './ladder-owners';

export const APP_ACTOR = 'app';
/** The author of impediments the app raises for slip alerts (`alerts.raiseImpediment`). */
export const SLIP_ALERT_ACTOR = 'app:slip-alert';
const APP_NAMES = new Map([
  [APP_ACTOR, 'MetaScrum (SLA passed)'],
  [SLIP_ALERT_ACTOR, 'MetaScrum (slip alert)'],
]);

async function namesOf(
  client: JiraClient,
  ids: readonly string[],
  nowMs: number,
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)].filter((id) => !APP_NAMES.has(id));
  const owners = await Promise.all(unique.map((id) => resolveOwner(client, id, nowMs)));
  const names = new Map<string, string>(APP_NAMES);
  unique.forEach((id, i) => names.set(id, owners[i]?.displayName ?? id));
  return names;
}

export async function impedimentDetail(
  client: JiraClient,
  facts: ImpedimentFacts,
  settings: ImpedimentSettings,
  canEdit: boolean,
  nowMs: number,
): Promise<ImpedimentDetail> {
  const { ladder } = settings;
  const state = stateOf(facts.record, ladder, facts.fieldLevel, facts.done);
  const rung = ladder.find((l) => l.name === state.level);
  const sla = slaPosition(enteredLevelMs(facts.record, state.level, facts.createdMs), rung, nowMs);
  const [owners, names] = await Promise.all([
    Promise.all(ladder.map((l) => resolveOwner(client, l.owner, nowMs, l.ownerKind))),
    namesOf(
      client,
      facts.record.history.flatMap((m) => (m.by ? [m.by] : [])),
      nowMs,
    ),
  ]);
  const actions = allowedActions(state, ladder);
  const rungIndex = ladder.findIndex((l) => l.name === state.level);
  return {
    issueKey: facts.key,
    summary: facts.summary,
    level: state.level,
    ladder: ladder.map((l, i) => ({ name: l.name, owner: owners[i] ?? null, slaDays: l.slaDays })),
    owner: rungIndex < 0 ? null : (owners[rungIndex] ?? null),
    resolved: state.resolved,
    ageDays: daysSince(facts.createdMs, nowMs),
    daysAtLevel: state.resolved ? null : sla.daysAtLevel,
    slaDays: sla.slaDays,
    slaStatus: state.resolved ? 'none' : sla.status,
    version: facts.record.version,
    history: facts.record.history.map((m) => ({
      id: m.id,
      action: m.action,
      from: m.from,
      to: m.to,
      at: m.at,
      by: m.by,
      byName: m.by ? (names.get(m.by) ?? m.by) : null,
      reason: m.reason,
      auto: m.auto,
    })),
    canEdit,
    actions: canEdit ? actions : { escalate: false, deEscalate: false, resolve: false },
    fieldLevel:
      facts.fieldLevel !== undefined && facts.record.history.length > 0 && facts.fieldLevel !== state.level
        ? facts.fieldLevel
        : null,
  };
}
