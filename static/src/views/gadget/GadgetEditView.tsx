/** The gadget's edit mode: Jira shows this when the user configures the gadget; submit saves the config. */
import Button from '@atlaskit/button/default/button';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import { Notice as SectionMessage } from '../../components/Notice';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { view } from '@forge/bridge';
import { useState, type FormEvent } from 'react';
import type { GadgetConfig } from '../../../../src/shared/contract';
import { GADGET_SECTIONS } from '../../forgeContext';
import { useResolver } from '../../useResolver';

// Same rule as the contract's ProjectKeySchema (the UI imports no zod): checked again by the resolver.
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,19}$/;

export function parseProjectKeys(input: string): { keys: string[]; invalid: string[] } {
  const keys = input
    .split(/[\s,]+/)
    .map((key) => key.trim().toUpperCase())
    .filter((key) => key !== '');
  return { keys: [...new Set(keys)], invalid: keys.filter((key) => !PROJECT_KEY.test(key)) };
}

export default function GadgetEditView({ config }: { config: GadgetConfig }) {
  const [title, setTitle] = useState(config.title ?? '');
  const [projectKeys, setProjectKeys] = useState((config.projectKeys ?? []).join(', '));
  const [sections, setSections] = useState(new Set(config.sections ?? GADGET_SECTIONS.map((s) => s.id)));
  const [refresh, setRefresh] = useState(String(config.refreshMinutes ?? 0));
  const [keyError, setKeyError] = useState('');
  const [submitError, setSubmitError] = useState('');
  const [saving, setSaving] = useState(false);
  const [programs] = useResolver('program/list', {});
  const [programId, setProgramId] = useState(config.programId ?? 'default');
  const programList = programs.state === 'ready' ? programs.data.programs : [];
  const programMissing = programs.state === 'ready' && !programList.some((p) => p.id === programId);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { keys, invalid } = parseProjectKeys(projectKeys);
    if (invalid.length > 0) {
      setKeyError(
        `Not a project key: ${invalid.join(', ')}. Use keys such as PAY (upper case letters, digits, _).`,
      );
      return;
    }
    if (title.trim().length > 80 || refreshInvalid || sections.size === 0 || programMissing) return;
    setKeyError('');
    setSaving(true);
    const next: GadgetConfig = {
      ...(title.trim() ? { title: title.trim() } : {}),
      ...(keys.length ? { projectKeys: keys } : {}),
      sections: GADGET_SECTIONS.map((s) => s.id).filter((id) => sections.has(id)),
      refreshMinutes: Number(refresh),
      programId,
    };
    view.submit(next).catch((cause: unknown) => {
      setSaving(false);
      setSubmitError(cause instanceof Error ? cause.message : String(cause));
    });
  };

  const titleTooLong = title.trim().length > 80;
  const refreshInvalid = !/^\d{1,4}$/.test(refresh.trim()) || Number(refresh) > 1440;
  const toggle = (id: (typeof GADGET_SECTIONS)[number]['id'], on: boolean) => {
    const next = new Set(sections);
    if (on) next.add(id);
    else next.delete(id);
    setSections(next);
  };
  return (
    <form
      onSubmit={onSubmit}
      aria-label="Gadget settings"
      style={{ display: 'grid', gap: token('space.150'), maxWidth: 480 }}
    >
      <div>
        <Label htmlFor="gadget-title">Title</Label>
        <Textfield
          id="gadget-title"
          name="title"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        {titleTooLong ? (
          <ErrorMessage>At most 80 characters.</ErrorMessage>
        ) : (
          <HelperMessage>Leave empty for the default.</HelperMessage>
        )}
      </div>
      <div>
        <Label htmlFor="gadget-program">Program</Label>
        <select
          id="gadget-program"
          name="programId"
          value={programId}
          disabled={programs.state !== 'ready'}
          onChange={(e) => setProgramId(e.currentTarget.value)}
        >
          {programMissing ? <option value={programId}>{programId} (deleted)</option> : null}
          {programList.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        {programs.state === 'error' ? (
          <ErrorMessage>Could not list the programs: {programs.error.message}</ErrorMessage>
        ) : programMissing ? (
          <ErrorMessage>This program no longer exists; choose another.</ErrorMessage>
        ) : (
          <HelperMessage>The program whose teams and order the gadget shows.</HelperMessage>
        )}
      </div>
      <div>
        <Label htmlFor="gadget-projects">Project keys</Label>
        <Textfield
          id="gadget-projects"
          name="projectKeys"
          value={projectKeys}
          placeholder="PAY, CHK"
          isInvalid={keyError !== ''}
          onChange={(e) => setProjectKeys(e.currentTarget.value)}
        />
        {keyError ? (
          <ErrorMessage>{keyError}</ErrorMessage>
        ) : (
          <HelperMessage>
            The program's teams to show, comma-separated. Leave empty for the whole program.
          </HelperMessage>
        )}
      </div>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend>
          <Label htmlFor="section-now">Sections</Label>
        </legend>
        {GADGET_SECTIONS.map((s) => (
          <label key={s.id} style={{ display: 'flex', gap: token('space.075'), alignItems: 'center' }}>
            <input
              id={`section-${s.id}`}
              type="checkbox"
              checked={sections.has(s.id)}
              onChange={(e) => toggle(s.id, e.currentTarget.checked)}
            />
            {s.label}
          </label>
        ))}
        {sections.size === 0 && <ErrorMessage>Choose at least one section.</ErrorMessage>}
      </fieldset>
      <div>
        <Label htmlFor="gadget-refresh">Auto-refresh (minutes)</Label>
        <Textfield
          id="gadget-refresh"
          name="refreshMinutes"
          value={refresh}
          isInvalid={refreshInvalid}
          onChange={(e) => setRefresh(e.currentTarget.value)}
        />
        {refreshInvalid ? (
          <ErrorMessage>A whole number of minutes from 0 to 1440.</ErrorMessage>
        ) : (
          <HelperMessage>0 = only when the dashboard is reloaded.</HelperMessage>
        )}
      </div>
      {submitError && (
        <SectionMessage appearance="error" title="Could not save the gadget">
          <p>{submitError}</p>
        </SectionMessage>
      )}
      <div>
        <Button
          type="submit"
          appearance="primary"
          isDisabled={saving || titleTooLong || refreshInvalid || sections.size === 0 || programMissing}
        >
          Save
        </Button>
      </div>
    </form>
  );
}
