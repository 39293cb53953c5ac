/**
 * What a saved ladder change does to Jira (issue 11, "stable ladder levels"): a rename moves no
 * impediment and renames the Escalation level field's option; removing a level that holds open
 * impediments needs the admin's confirmation and moves each of them to the nearest remaining level
 * below (else above), through the compare-and-set every move uses, so a retried save moves none twice.
 */
import { randomUUID } from 'node:crypto';
import { tickingFrom } from '../../clock';
import type { ProgramConfig } from '../../domain/config/program-config';
import { stateOf, type LadderLevel } from '../../domain/impediments/escalation-ladder';
import type { EscalationRecord } from '../../domain/impediments/escalation-record';
import type { ImpedimentFacts } from '../../domain/impediments/impediment-records';
import { levelRenames, removedLevels, successorLevel } from '../../domain/impediments/ladder-levels';
import type { JiraClient } from '../../jira/client';
import { moveWithCas, type Decision } from './compare-and-set';
import { claimKeyFor } from './escalation-store';
import { impedimentSettings, type ImpedimentSettings } from './impediment-context';
import { jiraEscalationStore } from './jira-escalation-store';
import { jiraMoveEffects } from './move-effects';
import { readProgramImpediments } from './program-impediments';
import { renameLevelOptions } from './rename-level-options';

export interface LevelRemoval {
  level: LadderLevel;
  to: LadderLevel;
  impediments: ImpedimentFacts[];
}

/** The removed levels that still hold open impediments, with where those go. */
export async function removalsWithImpediments(
  asApp: JiraClient,
  before: ProgramConfig,
  after: ProgramConfig,
  nowMs: number,
): Promise<LevelRemoval[]> {
  const removed = removedLevels(before.impediments.levels, after.impediments.levels);
  if (removed.length === 0) return [];
  const settings = await impedimentSettings(before, asApp, nowMs);
  const open = await readProgramImpediments(asApp, before.projects, settings, false);
  return removed.flatMap((level) => {
    const to = successorLevel(before.impediments.levels, after.impediments.levels, level.id);
    const here = open.filter((i) => {
      const state = stateOf(i.record, settings.ladder, i.fieldLevel, i.done);
      return !state.resolved && state.level === level.name;
    });
    return to && here.length > 0 ? [{ level, to, impediments: here }] : [];
  });
}

/** The sentence the admin confirms: which impediments move where. */
export function removalSentence(removals: readonly LevelRemoval[]): string {
  return removals
    .map(
      (r) =>
        `removing "${r.level.name}" moves its open impediments ${r.impediments.map((i) => i.key).join(', ')} to "${r.to.name}"`,
    )
    .join('; ');
}

function moveAway(settings: ImpedimentSettings, removal: LevelRemoval, before: ProgramConfig, by: string) {
  const levels = before.impediments.levels;
  const downward =
    levels.findIndex((l) => l.id === removal.to.id) < levels.findIndex((l) => l.id === removal.level.id);
  return (facts: ImpedimentFacts) =>
    (record: EscalationRecord): Decision => {
      const state = stateOf(record, settings.ladder, facts.fieldLevel, facts.done);
      if (state.resolved || state.level !== removal.level.name) {
        return { kind: 'none', reason: 'it is no longer at the removed level' };
      }
      return {
        kind: 'move',
        move: {
          action: downward ? 'de-escalate' : 'escalate',
          from: state.level,
          to: removal.to.name,
          by,
          reason: `The level "${removal.level.name}" was removed from the escalation ladder.`,
          auto: false,
        },
      };
    };
}

/** Renames the field's options and moves the removed levels' impediments; returns what it did and what failed. */
export async function applyLadderChange(
  asApp: JiraClient,
  before: ProgramConfig,
  after: ProgramConfig,
  removals: readonly LevelRemoval[],
  actor: { accountId: string; displayName: string },
  configVersion: number,
  nowMs: number,
): Promise<string[]> {
  const settings = await impedimentSettings(after, asApp, nowMs);
  const renames = levelRenames(before.impediments.levels, after.impediments.levels);
  const options = await renameLevelOptions(asApp, settings.levelFieldId, renames);
  const notices = [
    ...options.renamed.map((r) => `Escalation level field: renamed the option ${r}.`),
    ...options.failed.map((f) => `Escalation level field: ${f}.`),
  ];
  const now = tickingFrom(nowMs);
  const store = jiraEscalationStore(asApp, settings.historyProperty, settings.ladder, now);
  const effects = jiraMoveEffects({
    asApp,
    ladder: settings.ladder,
    levelFieldId: settings.levelFieldId,
    actorName: actor.displayName,
    nowMs,
  });
  for (const removal of removals) {
    const decideFor = moveAway(settings, removal, before, actor.accountId);
    for (const facts of removal.impediments) {
      const outcome = await moveWithCas(
        store,
        effects,
        facts.key,
        `ladder:${facts.key}:${removal.level.id}:config-v${configVersion}`,
        decideFor(facts),
        {
          now,
          sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          random: Math.random,
          attemptId: () => randomUUID(),
          claimKey: (version, attempt) => claimKeyFor(settings.historyProperty, version, attempt),
        },
      ).catch((error: unknown) => ({ outcome: 'failed' as const, reason: String(error) }));
      notices.push(
        outcome.outcome === 'applied' || outcome.outcome === 'already-applied'
          ? `${facts.key}: moved from "${removal.level.name}" to "${removal.to.name}".${outcome.failed.map((f) => ` Not done: ${f.effect} (${f.message}); set it on the issue by hand`).join('')}`
          : `${facts.key}: not moved from "${removal.level.name}" (${'reason' in outcome ? outcome.reason : outcome.outcome}); move it from its issue.`,
      );
    }
  }
  return notices;
}
