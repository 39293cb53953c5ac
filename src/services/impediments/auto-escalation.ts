/**
 * The scheduled auto-escalation (DOMAIN.md: when the time at a level passes its SLA). It runs as the
 * app on the program's impediments; each planned move has a move id derived from the issue, the
 * history version and the level, so a replayed or duplicated run, or a person acting at the same
 * moment, never escalates twice or comments twice (see compare-and-set.ts).
 */
import { tickingFrom } from '../../clock';
import { randomUUID } from 'node:crypto';
import type { ProgramConfig } from '../../domain/config/program-config';
import { planAutoEscalations } from '../../domain/impediments/auto-escalation-plan';
import { stateOf, transition } from '../../domain/impediments/escalation-ladder';
import type { EscalationRecord } from '../../domain/impediments/escalation-record';
import type { JiraClient } from '../../jira/client';
import { moveWithCas, type CasRuntime, type Decision } from './compare-and-set';
import { claimKeyFor, type EscalationStore } from './escalation-store';
import { impedimentSettings } from './impediment-context';
import { jiraEscalationStore } from './jira-escalation-store';
import { APP_ACTOR } from './impediment-detail';
import { jiraMoveEffects } from './move-effects';
import type { MoveEffects } from './compare-and-set';
import { readProgramImpediments } from './program-impediments';

export interface AutoEscalationReport {
  checked: number;
  planned: number;
  escalated: string[];
  skipped: Array<{ key: string; outcome: string }>;
  /** Escalated, but an effect (field, notification) still failed after its retries: named, never hidden. */
  unfinished: Array<{ key: string; effects: string[] }>;
  /** Planned but left for the next run because the time budget ran out. */
  deferred: string[];
}

export interface AutoEscalationDeps {
  store?: EscalationStore;
  effects?: MoveEffects;
  runtime?: Partial<CasRuntime>;
  /** Stop starting new moves after this many ms (a scheduled trigger has 25 s). */
  budgetMs?: number;
}

export async function autoEscalate(
  asApp: JiraClient,
  config: ProgramConfig,
  projectKeys: readonly string[],
  nowMs: number,
  deps: AutoEscalationDeps = {},
): Promise<AutoEscalationReport> {
  const elapsed = tickingFrom(0);
  const settings = await impedimentSettings(config, asApp, nowMs);
  const impediments = await readProgramImpediments(asApp, projectKeys, settings, false);
  const plan = planAutoEscalations(impediments, settings.ladder, nowMs);
  const now = tickingFrom(nowMs);
  const store = deps.store ?? jiraEscalationStore(asApp, settings.historyProperty, settings.ladder, now);
  const effects =
    deps.effects ??
    jiraMoveEffects({
      asApp,
      ladder: settings.ladder,
      levelFieldId: settings.levelFieldId,
      actorName: 'MetaScrum (SLA passed)',
      nowMs,
    });
  const report: AutoEscalationReport = {
    checked: impediments.length,
    planned: plan.length,
    escalated: [],
    skipped: [],
    unfinished: [],
    deferred: [],
  };
  for (const planned of plan) {
    if (elapsed() > (deps.budgetMs ?? 15_000)) {
      report.deferred.push(planned.key);
      continue;
    }
    const facts = impediments.find((i) => i.key === planned.key);
    const decide = (record: EscalationRecord): Decision => {
      // Planned on one version; a change since then (a person acted) means re-planning at the next run.
      if (record.version !== planned.version)
        return { kind: 'none', reason: 'the history changed since the plan' };
      const step = transition(
        stateOf(record, settings.ladder, facts?.fieldLevel, facts?.done),
        'escalate',
        settings.ladder,
      );
      if (!step.ok || step.from !== planned.from)
        return { kind: 'none', reason: step.ok ? 'the level changed' : step.reason };
      const reason = `${planned.from} did not resolve it within its SLA (${planned.daysOver} days over).`;
      return {
        kind: 'move',
        move: { action: 'escalate', from: step.from, to: step.to, by: APP_ACTOR, reason, auto: true },
      };
    };
    const outcome = await moveWithCas(store, effects, planned.key, planned.moveId, decide, {
      now,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
      attemptId: () => randomUUID(),
      claimKey: (version, attempt) => claimKeyFor(settings.historyProperty, version, attempt),
      ...deps.runtime,
    });
    if (outcome.outcome === 'applied') report.escalated.push(planned.key);
    if ((outcome.outcome === 'applied' || outcome.outcome === 'already-applied') && outcome.failed.length > 0)
      report.unfinished.push({
        key: planned.key,
        effects: outcome.failed.map((f) => `${f.effect}: ${f.message}`),
      });
    else report.skipped.push({ key: planned.key, outcome: outcome.outcome });
  }
  return report;
}
