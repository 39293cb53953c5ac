/**
 * Why an epic has its readiness score and flag (DOMAIN.md: epic readiness = ready points / open points
 * of its children, plus the epic's own rules), in words, from the same epic record the panel shows.
 */
import type { EpicRecord } from '../../storage/analysis-schema';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function epicReadinessExplanation(
  epic: Pick<EpicRecord, 'readyShare' | 'readyPoints' | 'openPoints' | 'openChildren' | 'readyChildren'>,
  ownRulesFailing: number,
): string {
  const share =
    epic.readyShare === null
      ? `No score: its ${plural(epic.openChildren, 'open child')} carry no estimated points.`
      : `${Math.round(epic.readyShare * 100)}% = ${epic.readyPoints} of ${epic.openPoints} open points of its children are ready.`;
  const notReady = epic.openChildren - epic.readyChildren;
  const blockers = [
    ...(notReady > 0 ? [`${notReady} of ${epic.openChildren} children not ready`] : []),
    ...(ownRulesFailing > 0 ? [`${plural(ownRulesFailing, 'rule')} of its own failing`] : []),
  ];
  const verdict =
    blockers.length === 0
      ? 'Ready: every open child is ready and its own rules pass.'
      : `Not ready: ${blockers.join(' and ')} (an epic is ready when every open child is ready and its own rules pass).`;
  return `${share} ${verdict}`;
}
