/**
 * The comment that records a move, in Atlassian Document Format. The new level's owner is notified by
 * a mention: Jira notifies a mentioned user whatever the project's notification scheme says, the
 * comment shows who was told, and nobody is subscribed to the later noise (as a watcher would
 * be). A group cannot be mentioned, so a group owner is named here and e-mailed by the notify call.
 */
import type { EscalationMove } from '../../domain/impediments/escalation-record';
import type { Owner } from '../../shared/impediment-contract';

const VERB: Record<EscalationMove['action'], string> = {
  raise: 'Raised',
  escalate: 'Escalated',
  'de-escalate': 'De-escalated',
  resolve: 'Resolved',
};

type Inline =
  | { type: 'text'; text: string; marks?: Array<{ type: 'strong' }> }
  | { type: 'mention'; attrs: { id: string; text: string } };

export function moveCommentBody(
  move: EscalationMove,
  actorName: string,
  owner: Owner | null,
  slaDays: number | null,
) {
  const headline: Inline[] =
    move.action === 'resolve'
      ? [{ type: 'text', text: `Resolved at ${move.to} by ${actorName}.` }]
      : [
          { type: 'text', text: `${VERB[move.action]} from ${move.from ?? '(none)'} to ` },
          { type: 'text', text: move.to, marks: [{ type: 'strong' }] },
          { type: 'text', text: move.auto ? ` automatically: ${actorName}.` : ` by ${actorName}.` },
        ];
  const paragraphs: Inline[][] = [headline, [{ type: 'text', text: `Reason: ${move.reason}` }]];
  if (owner && move.action !== 'resolve') {
    const sla = slaDays === null ? 'no SLA at this level' : `SLA ${slaDays} day${slaDays === 1 ? '' : 's'}`;
    paragraphs.push(
      owner.kind === 'user'
        ? [
            { type: 'mention', attrs: { id: owner.id, text: `@${owner.displayName}` } },
            { type: 'text', text: ` this impediment is now with ${move.to} (${sla}).` },
          ]
        : [{ type: 'text', text: `Owner: group ${owner.displayName} (${sla}).` }],
    );
  }
  return {
    type: 'doc',
    version: 1,
    content: paragraphs.map((content) => ({ type: 'paragraph', content })),
  };
}
