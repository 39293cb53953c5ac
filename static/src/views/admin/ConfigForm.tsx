/**
 * The full program configuration: teams, dependency link types, Definition-of-Ready rules, fields, the
 * horizon band, the escalation ladder and the slip alerts' actions. The resolver validates with the engine's schema; each
 * invalid field's message shows next to it.
 */
import Button from '@atlaskit/button/default/button';
import { HelperMessage, Label } from '@atlaskit/form';
import { Notice as SectionMessage } from '../../components/Notice';
import { token } from '@atlaskit/tokens';
import { useState, type FormEvent } from 'react';
import type { AdminConfig } from '../../../../src/shared/contract';
import { call } from '../../api';
import { toCallError } from '../../useResolver';
import { FIELD_ROLE_INPUTS, problemsOf, type Config, type Problems } from './configDraft';
import { FieldError } from './FieldError';
import { AlertsPart } from './AlertsPart';
import { LadderPart, ReadinessPart } from './RulesAndLadder';
import { fieldStyle, inputStyle, NumberField, Part } from './ui';

type Outcome =
  | { kind: 'idle' | 'saving' }
  | { kind: 'saved'; notices: readonly string[] }
  | { kind: 'failed'; message: string };

export function ConfigForm({ admin, onSaved }: { admin: AdminConfig; onSaved: (next: AdminConfig) => void }) {
  const [draft, setDraft] = useState<Config>(admin.config);
  const [problems, setProblems] = useState<Problems>(new Map());
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [confirmLevelRemoval, setConfirmLevelRemoval] = useState(false);
  const removedLevels = admin.config.impediments.levels.filter(
    (l) => !draft.impediments.levels.some((d) => d.id === l.id),
  );
  const set = (patch: Partial<Config>) => setDraft({ ...draft, ...patch });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setOutcome({ kind: 'saving' });
    const baseVersion = admin.version?.version ?? 0;
    call('admin/saveConfig', { config: draft, baseVersion, confirmLevelRemoval }).then(
      (next) => {
        setProblems(new Map());
        setConfirmLevelRemoval(false);
        setOutcome({ kind: 'saved', notices: next.notices });
        setDraft(next.config);
        onSaved(next);
      },
      (cause: unknown) => {
        const error = toCallError(cause);
        const found = problemsOf(
          error.problems.length
            ? error.problems
            : error.field
              ? [{ field: error.field, message: error.message }]
              : [],
        );
        setProblems(found);
        setOutcome({ kind: 'failed', message: error.message });
      },
    );
  };

  const toggleProject = (key: string, on: boolean) =>
    set({ projects: on ? [...draft.projects, key] : draft.projects.filter((p) => p !== key) });
  const linkNames = draft.dependencies.linkTypes?.map((t) => (typeof t === 'string' ? t : t.name));
  const toggleLink = (name: string, on: boolean) => {
    const current = draft.dependencies.linkTypes ?? [];
    const next = on
      ? [...current, name]
      : current.filter((t) => (typeof t === 'string' ? t : t.name) !== name);
    set({ dependencies: { linkTypes: next.length ? next : undefined } });
  };

  return (
    <form
      onSubmit={onSubmit}
      aria-label="Program configuration"
      style={{ display: 'grid', gap: token('space.200') }}
    >
      <Part title="Program and teams">
        <div style={fieldStyle}>
          <Label htmlFor="program-name">Program name</Label>
          <input
            id="program-name"
            style={{ ...inputStyle, width: '100%' }}
            value={draft.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
          />
          <FieldError problems={problems} path="name" />
        </div>
        <div role="group" aria-labelledby="projects-label">
          <span id="projects-label" style={{ fontWeight: 600 }}>
            Team projects
          </span>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.150') }}>
            {admin.availableProjects.map((p) => (
              <label
                key={p.key}
                style={{ display: 'inline-flex', gap: token('space.050'), alignItems: 'center' }}
              >
                <input
                  type="checkbox"
                  checked={draft.projects.includes(p.key)}
                  onChange={(e) => toggleProject(p.key, e.currentTarget.checked)}
                />
                {p.name} ({p.key})
              </label>
            ))}
          </div>
          <HelperMessage>None chosen: every project a user can browse.</HelperMessage>
          <FieldError problems={problems} path="projects" />
        </div>
        <div style={fieldStyle}>
          <Label htmlFor="team-by">Teams are</Label>
          <select
            id="team-by"
            style={inputStyle}
            value={draft.teams.by}
            onChange={(e) => set({ teams: { by: e.currentTarget.value === 'field' ? 'field' : 'project' } })}
          >
            <option value="project">one Jira project per team</option>
            <option value="field">the value of the team field</option>
          </select>
        </div>
      </Part>
      <Part
        title="Dependency link types"
        hint="None chosen: every link type whose phrases read “blocks”, “depends on”, “requires” or “is a prerequisite of”. Each type shows how it is read now, and why."
      >
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.150') }}>
          {admin.linkTypes.map(({ name, dependency, reason }) => (
            <label
              key={name}
              title={reason}
              style={{ display: 'inline-flex', gap: token('space.050'), alignItems: 'center' }}
            >
              <input
                type="checkbox"
                checked={linkNames?.includes(name) ?? false}
                onChange={(e) => toggleLink(name, e.currentTarget.checked)}
              />
              {name}
              <span style={{ color: token('color.text.subtlest') }}>
                ({dependency ?? 'not a dependency'}: {reason})
              </span>
            </label>
          ))}
        </div>
        <FieldError problems={problems} path="dependencies" />
      </Part>
      <ReadinessPart draft={draft} set={set} problems={problems} />
      <Part title="Fields" hint="Field ids such as customfield_10016; empty = found by name.">
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))',
            gap: token('space.150'),
          }}
        >
          {FIELD_ROLE_INPUTS.map(([role, label]) => (
            <div key={role} style={fieldStyle}>
              <Label htmlFor={`field-${role}`}>{label}</Label>
              <input
                id={`field-${role}`}
                style={{ ...inputStyle, width: '100%' }}
                value={draft.fields[role] ?? ''}
                onChange={(e) =>
                  set({ fields: { ...draft.fields, [role]: e.currentTarget.value.trim() || undefined } })
                }
              />
              <FieldError problems={problems} path={`fields.${role}`} />
            </div>
          ))}
        </div>
      </Part>
      <Part title="Ready-backlog horizon" hint="The band each team's ready backlog should cover, in sprints.">
        <div style={{ display: 'flex', gap: token('space.200'), flexWrap: 'wrap' }}>
          <NumberField
            id="horizon-min"
            label="At least (sprints)"
            value={draft.horizon.minSprints}
            step={0.5}
            onChange={(n) => set({ horizon: { ...draft.horizon, minSprints: n } })}
          />
          <NumberField
            id="horizon-max"
            label="At most (sprints)"
            value={draft.horizon.maxSprints}
            step={0.5}
            onChange={(n) => set({ horizon: { ...draft.horizon, maxSprints: n } })}
          />
          <NumberField
            id="horizon-velocity"
            label="Velocity over last N sprints"
            value={draft.horizon.velocitySprints}
            onChange={(n) => set({ horizon: { ...draft.horizon, velocitySprints: n } })}
          />
        </div>
        <FieldError problems={problems} path="horizon" />
      </Part>
      <LadderPart draft={draft} set={set} problems={problems} />
      <AlertsPart draft={draft} set={set} problems={problems} />
      {removedLevels.length > 0 && (
        <label data-testid="confirm-level-removal">
          <input
            type="checkbox"
            checked={confirmLevelRemoval}
            onChange={(e) => setConfirmLevelRemoval(e.currentTarget.checked)}
          />{' '}
          Move the open impediments of {removedLevels.map((l) => `"${l.name}"`).join(', ')} to the nearest
          remaining level below it
        </label>
      )}
      {outcome.kind === 'failed' && (
        <SectionMessage appearance="error" title="Not saved">
          <p data-testid="config-error">
            {problems.size > 0 ? 'Correct the fields marked below their inputs.' : outcome.message}
          </p>
        </SectionMessage>
      )}
      {outcome.kind === 'saved' && (
        <SectionMessage appearance="success" title="Configuration saved">
          <p data-testid="saved-message">
            Saved as version {admin.version?.version ?? ''}. The views recalculate in the background.
          </p>
          {outcome.notices.length > 0 && (
            <ul data-testid="save-notices">
              {outcome.notices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </SectionMessage>
      )}
      <div>
        <Button type="submit" appearance="primary" isDisabled={outcome.kind === 'saving'}>
          {outcome.kind === 'saving' ? 'Saving…' : 'Save configuration'}
        </Button>
      </div>
    </form>
  );
}
