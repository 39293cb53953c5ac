/** Edits the program settings; the resolver validates, and its `field` errors show next to the field. */
import Button from '@atlaskit/button/new';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useState, type FormEvent } from 'react';
import type { AdminSettings } from '../../../../src/shared/contract';
import { call, type ResolverCallError } from '../../api';
import { ErrorState } from '../../components/States';
import { toCallError } from '../../useResolver';

type Option = { label: string; value: string };
type Outcome =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; error: ResolverCallError };

/** Which form field a resolver error path (e.g. "settings.projectKeys.2") belongs to. */
function fieldOf(error: ResolverCallError): 'name' | 'projectKeys' | undefined {
  const path = error.field?.replace(/^settings\./, '') ?? '';
  if (path.startsWith('name')) return 'name';
  if (path.startsWith('projectKeys')) return 'projectKeys';
  return undefined;
}

export function ProgramSettingsForm({
  settings,
  onSaved,
}: {
  settings: AdminSettings;
  onSaved: (next: AdminSettings) => void;
}) {
  const options: Option[] = settings.availableProjects.map((p) => ({
    label: `${p.name} (${p.key})`,
    value: p.key,
  }));
  const [name, setName] = useState(settings.settings?.name ?? '');
  const [selected, setSelected] = useState<readonly Option[]>(() =>
    (settings.settings?.projectKeys ?? []).map(
      (key) => options.find((o) => o.value === key) ?? { label: key, value: key },
    ),
  );
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setOutcome({ kind: 'saving' });
    call('admin/saveSettings', { settings: { name, projectKeys: selected.map((o) => o.value) } }).then(
      (next) => {
        onSaved(next);
        setOutcome({ kind: 'saved' });
      },
      (cause: unknown) => setOutcome({ kind: 'failed', error: toCallError(cause) }),
    );
  };

  const failed = outcome.kind === 'failed' ? outcome.error : undefined;
  const failedField = failed && fieldOf(failed);
  return (
    <form
      onSubmit={onSubmit}
      aria-label="Program settings"
      style={{ display: 'grid', gap: token('space.200') }}
    >
      <div>
        <Label htmlFor="program-name">Program name</Label>
        <Textfield
          id="program-name"
          name="name"
          value={name}
          isInvalid={failedField === 'name'}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        {failedField === 'name' && failed ? (
          <ErrorMessage testId="name-error">{failed.message}</ErrorMessage>
        ) : null}
      </div>
      <div>
        <Label htmlFor="program-projects">Team projects</Label>
        <Select<Option, true>
          inputId="program-projects"
          isMulti
          options={options}
          value={selected}
          onChange={(value) => setSelected(value)}
          placeholder="Choose the projects of the program's teams"
          isInvalid={failedField === 'projectKeys'}
        />
        {failedField === 'projectKeys' && failed ? (
          <ErrorMessage testId="projects-error">{failed.message}</ErrorMessage>
        ) : (
          <HelperMessage>
            One project per Scrum team. Leave empty to use every project a user can see.
          </HelperMessage>
        )}
      </div>
      {failed && !failedField && <ErrorState error={failed} />}
      {outcome.kind === 'saved' && (
        <SectionMessage appearance="success" title="Settings saved">
          <p data-testid="saved-message">The MetaScrum program now uses these teams.</p>
        </SectionMessage>
      )}
      <div>
        <Button type="submit" appearance="primary" isDisabled={outcome.kind === 'saving'}>
          {outcome.kind === 'saving' ? 'Saving...' : 'Save'}
        </Button>
      </div>
    </form>
  );
}
