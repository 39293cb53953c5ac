/**
 * The site's programs: pick the one whose settings the page edits; create one (empty, or copying
 * another's config and teams), rename one, delete one after a confirmation (its stored data goes too).
 */
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import { Label } from '@atlaskit/form';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import { DEFAULT_PROGRAM_ID, type ProgramEntry } from '../../../../src/shared/contract';
import { call, type ResolverCallError } from '../../api';
import { Notice } from '../../components/Notice';
import { ErrorState } from '../../components/States';
import { toCallError } from '../../useResolver';
import { fieldStyle, inputStyle } from './ui';

interface Props {
  programs: ProgramEntry[];
  selected: string;
  onSelect: (id: string) => void;
  onChanged: (programs: ProgramEntry[], select?: string) => void;
}

export function ProgramsSection({ programs, selected, onSelect, onChanged }: Props) {
  const [name, setName] = useState('');
  const [copyFrom, setCopyFrom] = useState('');
  const [rename, setRename] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<ResolverCallError | undefined>();
  const current = programs.find((p) => p.id === selected);
  const run = (work: Promise<{ programs: ProgramEntry[] }>, select?: (list: ProgramEntry[]) => string) => {
    setFailure(undefined);
    work.then(
      ({ programs: list }) => onChanged(list, select?.(list)),
      (cause: unknown) => setFailure(toCallError(cause)),
    );
  };
  return (
    <section aria-label="Programs" style={{ display: 'grid', gap: token('space.150') }}>
      <Heading size="small" as="h2">
        Programs
      </Heading>
      <div style={fieldStyle}>
        <Label htmlFor="program-select">Program whose settings this page edits</Label>
        <select
          id="program-select"
          style={inputStyle}
          value={selected}
          onChange={(e) => {
            setConfirming(false);
            onSelect(e.currentTarget.value);
          }}
        >
          {programs.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.projects.length > 0 ? p.projects.join(', ') : 'every project'})
            </option>
          ))}
        </select>
      </div>
      {current ? (
        <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'end', flexWrap: 'wrap' }}>
          <div style={fieldStyle}>
            <Label htmlFor="program-rename">New name for {current.name}</Label>
            <input
              id="program-rename"
              style={inputStyle}
              value={rename}
              onChange={(e) => setRename(e.currentTarget.value)}
            />
          </div>
          <Button
            isDisabled={rename.trim() === ''}
            onClick={() => {
              run(call('admin/renameProgram', { id: current.id, name: rename.trim() }));
              setRename('');
            }}
          >
            Rename
          </Button>
          {current.id === DEFAULT_PROGRAM_ID ? (
            <p>
              {current.name} is the first program: gadgets, panels and reports that name no program show it,
              so it cannot be deleted. Rename it or change its teams instead.
            </p>
          ) : (
            <Button appearance="danger" onClick={() => setConfirming(true)}>
              Delete {current.name}…
            </Button>
          )}
        </div>
      ) : null}
      {current && confirming ? (
        <Notice
          appearance="warning"
          title={`Delete the program ${current.name}?`}
          actions={
            <div style={{ display: 'flex', gap: token('space.100') }}>
              <Button
                appearance="danger"
                onClick={() => {
                  setConfirming(false);
                  run(
                    call('admin/deleteProgram', { id: current.id, confirm: true }),
                    (list) => list[0]?.id ?? '',
                  );
                }}
              >
                Delete program
              </Button>
              <Button onClick={() => setConfirming(false)}>Cancel</Button>
            </div>
          }
        >
          <p>
            Its settings, MetaScrum order, snapshot, analysis and history are deleted. Jira issues and
            impediments stay as they are.
          </p>
        </Notice>
      ) : null}
      <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'end', flexWrap: 'wrap' }}>
        <div style={fieldStyle}>
          <Label htmlFor="program-new-name">New program</Label>
          <input
            id="program-new-name"
            style={inputStyle}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
        </div>
        <div style={fieldStyle}>
          <Label htmlFor="program-copy-from">Settings and teams</Label>
          <select
            id="program-copy-from"
            style={inputStyle}
            value={copyFrom}
            onChange={(e) => setCopyFrom(e.currentTarget.value)}
          >
            <option value="">Defaults</option>
            {programs.map((p) => (
              <option key={p.id} value={p.id}>
                Copy from {p.name}
              </option>
            ))}
          </select>
        </div>
        <Button
          appearance="primary"
          isDisabled={name.trim() === ''}
          onClick={() => {
            const wanted = name.trim();
            run(
              call('admin/createProgram', { name: wanted, ...(copyFrom ? { copyFrom } : {}) }),
              (list) => list.find((p) => p.name === wanted)?.id ?? selected,
            );
            setName('');
          }}
        >
          Create program
        </Button>
      </div>
      {failure && <ErrorState error={failure} />}
    </section>
  );
}
