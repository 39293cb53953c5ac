/**
 * Raise an impediment from the blocked work: an Impediment at Team level that blocks the chosen items,
 * with a summary, a reason and an owner (picked from Jira's users by name; checked again by Jira). Every field error
 * the resolver names is shown next to its field; nothing is created until all are valid.
 */
import Button from '@atlaskit/button/new';
import { ErrorMessage, Label } from '@atlaskit/form';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useState, type FormEvent } from 'react';
import type { RaiseResult } from '../../../../src/shared/contract';
import type { Owner } from '../../../../src/shared/impediment-contract';
import { call, type ResolverCallError } from '../../api';
import { Notice } from '../../components/Notice';
import { OwnerPicker } from '../../components/OwnerPicker';
import { ProgramField, useActionProgram } from '../../components/ProgramField';
import { toCallError } from '../../useResolver';
import { newRequestId } from './requestId';

const TEXT_FIELDS = [
  ['summary', 'Impediment'],
  ['reason', 'Why it blocks the work'],
] as const;
type Field = (typeof TEXT_FIELDS)[number][0] | 'owner';
const FIELD_NAMES: readonly Field[] = ['summary', 'reason', 'owner'];

export function RaiseForm({
  blocks,
  onRaised,
}: {
  blocks: readonly string[];
  onRaised?: (r: RaiseResult) => void;
}) {
  const [values, setValues] = useState<Record<Field, string>>({ summary: '', reason: '', owner: '' });
  const [owner, setOwner] = useState<Owner | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResolverCallError | undefined>();
  const [done, setDone] = useState<RaiseResult | undefined>();
  const [programId, setProgramId, programs] = useActionProgram();
  const idBase = `raise-${blocks.join('-')}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const program = programId === undefined ? {} : { programId };
    call('impediment/raise', { blocks: [...blocks], ...values, requestId: newRequestId(), ...program }).then(
      (result) => {
        setBusy(false);
        setDone(result);
        onRaised?.(result);
      },
      (cause: unknown) => {
        setBusy(false);
        setError(toCallError(cause));
      },
    );
  };
  if (done) return <Notice appearance="success">{done.message}</Notice>;
  const fieldError = (field: Field) =>
    error?.field === field ? error.message.replace(`${field}: `, '') : undefined;
  return (
    <form
      onSubmit={submit}
      aria-label={`Raise an impediment blocking ${blocks.join(', ')}`}
      aria-busy={busy}
      style={{ display: 'grid', gap: token('space.100'), maxWidth: '32rem' }}
    >
      <p style={{ margin: 0, color: token('color.text.subtle') }}>
        Blocks {blocks.join(', ')}, at Team level.
      </p>
      <ProgramField id={`${idBase}-program`} value={programId} programs={programs} onChange={setProgramId} />
      {TEXT_FIELDS.map(([field, label]) => (
        <div key={field}>
          <Label htmlFor={`${idBase}-${field}`}>{label}</Label>
          <Textfield
            id={`${idBase}-${field}`}
            name={field}
            value={values[field]}
            isInvalid={fieldError(field) !== undefined}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setValues((v) => ({ ...v, [field]: value }));
            }}
          />
          {fieldError(field) && <ErrorMessage>{fieldError(field)}</ErrorMessage>}
        </div>
      ))}
      <div>
        <Label htmlFor={`${idBase}-owner`}>Owner</Label>
        <OwnerPicker
          id={`${idBase}-owner`}
          label="Owner"
          kinds={['user']}
          value={owner}
          invalid={fieldError('owner') !== undefined}
          onChange={(picked) => {
            setOwner(picked);
            setValues((v) => ({ ...v, owner: picked?.id ?? '' }));
          }}
        />
        {fieldError('owner') && <ErrorMessage>{fieldError('owner')}</ErrorMessage>}
      </div>
      {error && !FIELD_NAMES.some((f) => f === error.field) && (
        <Notice appearance="error">{error.message}</Notice>
      )}
      <div>
        <Button type="submit" appearance="primary" isDisabled={busy}>
          Raise impediment
        </Button>
      </div>
    </form>
  );
}
