/** Definition-of-Ready rules (enabled, weight, required) and the escalation ladder (name, owner, SLA). */
import Button from '@atlaskit/button/default/button';
import { Label } from '@atlaskit/form';
import { token } from '@atlaskit/tokens';
import { READINESS_RULES, type Config, type Problems } from './configDraft';
import { FieldError } from './FieldError';
import { fieldStyle, inputStyle, NumberField, Part } from './ui';
import { OwnerPicker } from '../../components/OwnerPicker';
import { TableHead, tableCell as cell } from '../../components/TableHead';
import { useOwnerNames } from './useOwnerNames';

type PartProps = { draft: Config; set: (patch: Partial<Config>) => void; problems: Problems };

export function ReadinessPart({ draft, set, problems }: PartProps) {
  const { readiness } = draft;
  const ruleOf = (id: (typeof READINESS_RULES)[number][0]) => ({
    enabled: true,
    weight: 1,
    required: true,
    ...readiness.rules[id],
  });
  const setRule = (id: (typeof READINESS_RULES)[number][0], patch: Partial<ReturnType<typeof ruleOf>>) =>
    set({ readiness: { ...readiness, rules: { ...readiness.rules, [id]: { ...ruleOf(id), ...patch } } } });
  return (
    <Part
      title="Definition of Ready"
      hint="Required rules decide whether an item is ready; weights make up its score."
    >
      <table style={{ borderCollapse: 'collapse' }}>
        <TableHead columns={['Rule', 'On', 'Required', 'Weight']} />
        <tbody>
          {READINESS_RULES.map(([id, label]) => {
            const rule = ruleOf(id);
            return (
              <tr key={id} style={{ borderTop: `1px solid ${token('color.border')}` }}>
                <th scope="row" style={cell}>
                  {label}
                </th>
                <td style={cell}>
                  <input
                    type="checkbox"
                    aria-label={`${label}: on`}
                    checked={rule.enabled}
                    onChange={(e) => setRule(id, { enabled: e.currentTarget.checked })}
                  />
                </td>
                <td style={cell}>
                  <input
                    type="checkbox"
                    aria-label={`${label}: required`}
                    checked={rule.required}
                    onChange={(e) => setRule(id, { required: e.currentTarget.checked })}
                  />
                </td>
                <td style={cell}>
                  <input
                    type="number"
                    aria-label={`${label}: weight`}
                    id={`rule-weight-${id}`}
                    style={{ ...inputStyle, width: '5rem' }}
                    value={Number.isNaN(rule.weight) ? '' : rule.weight}
                    onChange={(e) => setRule(id, { weight: e.currentTarget.valueAsNumber })}
                  />
                  <FieldError problems={problems} path={`readiness.rules.${id}`} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div style={{ display: 'flex', gap: token('space.200'), flexWrap: 'wrap' }}>
        <NumberField
          id="max-points"
          label="Small enough: at most (points)"
          value={readiness.maxPoints}
          onChange={(n) => set({ readiness: { ...readiness, maxPoints: n } })}
        />
      </div>
      <div style={fieldStyle}>
        <Label htmlFor="ac-heading">Acceptance criteria heading (in a description)</Label>
        <input
          id="ac-heading"
          style={{ ...inputStyle, width: '20rem' }}
          value={readiness.acceptanceCriteriaHeading}
          onChange={(e) =>
            set({ readiness: { ...readiness, acceptanceCriteriaHeading: e.currentTarget.value } })
          }
        />
      </div>
      <FieldError problems={problems} path="readiness.maxPoints" />
      <FieldError problems={problems} path="readiness.acceptanceCriteriaHeading" />
    </Part>
  );
}

export function LadderPart({ draft, set, problems }: PartProps) {
  const { impediments } = draft;
  const levels = impediments.levels;
  const setLevels = (next: typeof levels) => set({ impediments: { ...impediments, levels: next } });
  const patch = (i: number, p: Partial<(typeof levels)[number]>) =>
    setLevels(levels.map((l, j) => (j === i ? { ...l, ...p } : l)));
  const { ownerOf, remember } = useOwnerNames(levels);
  return (
    <Part title="Escalation ladder" hint="From the team up; the last level usually has no SLA.">
      <table style={{ borderCollapse: 'collapse' }}>
        <TableHead
          columns={[
            'Level',
            'Owner (user or group)',
            'SLA (days, empty = none)',
            <span style={{ position: 'absolute', left: -9999 }}>Actions</span>,
          ]}
        />
        <tbody>
          {levels.map((level, i) => (
            <tr key={level.id} style={{ borderTop: `1px solid ${token('color.border')}` }}>
              <td style={cell}>
                <input
                  aria-label={`Level ${i + 1} name`}
                  id={`level-${i}-name`}
                  style={inputStyle}
                  value={level.name}
                  onChange={(e) => patch(i, { name: e.currentTarget.value })}
                />
                <FieldError problems={problems} path={`impediments.levels[${i}].name`} />
              </td>
              <td style={cell}>
                <OwnerPicker
                  id={`level-${i}-owner`}
                  label={`Level ${i + 1} owner`}
                  kinds={['user', 'group']}
                  value={ownerOf(level)}
                  invalid={problems.has(`impediments.levels[${i}].owner`)}
                  onChange={(owner) => {
                    if (owner) remember(owner);
                    patch(i, { owner: owner?.id, ownerKind: owner?.kind });
                  }}
                />
                <FieldError problems={problems} path={`impediments.levels[${i}].owner`} />
              </td>
              <td style={cell}>
                <input
                  aria-label={`Level ${i + 1} SLA in days`}
                  type="number"
                  style={{ ...inputStyle, width: '6rem' }}
                  value={level.slaDays === null || Number.isNaN(level.slaDays) ? '' : level.slaDays}
                  onChange={(e) =>
                    patch(i, { slaDays: e.currentTarget.value === '' ? null : e.currentTarget.valueAsNumber })
                  }
                />
                <FieldError problems={problems} path={`impediments.levels[${i}].slaDays`} />
              </td>
              <td style={cell}>
                <Button
                  appearance="subtle"
                  isDisabled={levels.length <= 1}
                  onClick={() => setLevels(levels.filter((_, j) => j !== i))}
                >
                  Remove
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FieldError problems={problems} path="impediments.levels" />
      <div>
        <Button
          onClick={() =>
            setLevels([
              ...levels,
              // A new level gets its id here: names are labels, the id is what records keep.
              { id: `level-${crypto.randomUUID().slice(0, 8)}`, name: '', formerNames: [], slaDays: null },
            ])
          }
        >
          Add level
        </Button>
      </div>
    </Part>
  );
}
