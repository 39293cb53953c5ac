/** The Definition-of-Ready checklist: every rule in force, passed or failed, with the reason. */
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { IssueContext } from '../../../../src/shared/contract';

type Readiness = NonNullable<IssueContext['readiness']>;

export function ReadinessChecklist({ readiness }: { readiness: Readiness }) {
  return (
    <section aria-label="Readiness" data-testid="readiness">
      <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'center' }}>
        <Heading size="xsmall" as="h3">
          Definition of Ready
        </Heading>
        <Lozenge appearance={readiness.ready ? 'success' : 'removed'} isBold>
          {readiness.ready ? 'ready' : 'not ready'}
        </Lozenge>
        <span style={{ color: token('color.text.subtle') }}>score {Math.round(readiness.score)}%</span>
      </div>
      <ul
        style={{
          listStyle: 'none',
          padding: 0,
          margin: `${token('space.075')} 0 0`,
          display: 'grid',
          gap: token('space.050'),
        }}
      >
        {readiness.rules.map((rule) => (
          <li
            key={rule.id}
            data-testid={`rule-${rule.id}`}
            style={{ display: 'flex', gap: token('space.075') }}
          >
            <span
              aria-hidden="true"
              style={{ color: token(rule.pass ? 'color.icon.success' : 'color.icon.danger') }}
            >
              {rule.pass ? '✓' : '✗'}
            </span>
            <span>
              <strong>{rule.id}</strong>
              {!rule.required && <span style={{ color: token('color.text.subtle') }}> (optional)</span>}:{' '}
              {rule.pass ? 'passes' : 'fails'}, {rule.reason}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
