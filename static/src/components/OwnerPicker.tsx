/**
 * Picks an owner from Jira as you type: users (by name or e-mail) and, where allowed, groups. Shows
 * display names; hands back the account id or group id to store. Typing alone changes nothing: only a
 * pick (or Clear) does, so a half-typed name is never saved as an owner.
 */
import { token } from '@atlaskit/tokens';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Owner } from '../../../src/shared/impediment-contract';
import { call } from '../api';
import { toCallError } from '../useResolver';
import { inputStyle } from './inputStyle';

const PAUSE_MS = 250;

export interface OwnerPickerProps {
  /** The input's id (for a Label) and the base of the list's id. */
  id: string;
  label: string;
  kinds: ReadonlyArray<Owner['kind']>;
  /** The picked owner, or undefined for none. */
  value: Owner | undefined;
  onChange: (owner: Owner | undefined) => void;
  invalid?: boolean;
}

const shown = (o: Owner) => (o.kind === 'group' ? `${o.displayName} (group)` : o.displayName);

export function OwnerPicker({ id, label, kinds, value, onChange, invalid = false }: OwnerPickerProps) {
  const [text, setText] = useState(value ? shown(value) : '');
  const [options, setOptions] = useState<Owner[] | undefined>();
  const [active, setActive] = useState(0);
  const [note, setNote] = useState<string | undefined>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const asked = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);
  // A value set from outside (loaded names, a reset form) shows as its name.
  useEffect(() => setText(value ? shown(value) : ''), [value?.id, value?.displayName]);

  const search = (query: string) => {
    const ticket = ++asked.current;
    call('owners/find', { query, kinds: [...kinds] }).then(
      (found) => {
        if (ticket !== asked.current) return;
        setOptions(found.owners);
        setActive(0);
        setNote(found.owners.length === 0 ? `Nobody in Jira matches "${query}".` : undefined);
      },
      (cause: unknown) => ticket === asked.current && setNote(toCallError(cause).message),
    );
  };
  const type = (raw: string) => {
    setText(raw);
    clearTimeout(timer.current);
    const query = raw.trim();
    if (query === '') {
      asked.current++;
      setOptions(undefined);
      setNote(undefined);
      return;
    }
    timer.current = setTimeout(() => search(query), PAUSE_MS);
  };
  const pick = (owner: Owner | undefined) => {
    asked.current++;
    setOptions(undefined);
    setNote(undefined);
    setText(owner ? shown(owner) : '');
    onChange(owner);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!options || options.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(options[active]);
    } else if (e.key === 'Escape') setOptions(undefined);
  };
  const listId = `${id}-options`;
  const typedAway = value !== undefined && text !== shown(value);
  return (
    <div style={{ position: 'relative', display: 'grid', gap: token('space.050') }}>
      <div style={{ display: 'flex', gap: token('space.050') }}>
        <input
          id={id}
          aria-label={label}
          role="combobox"
          aria-expanded={options !== undefined && options.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-invalid={invalid}
          autoComplete="off"
          placeholder={kinds.includes('group') ? 'Type a name or a group' : 'Type a name'}
          style={{ ...inputStyle, minWidth: '14rem' }}
          value={text}
          onChange={(e) => type(e.currentTarget.value)}
          onKeyDown={onKey}
        />
        {value && (
          <button type="button" aria-label={`${label}: clear`} onClick={() => pick(undefined)}>
            Clear
          </button>
        )}
      </div>
      {options && options.length > 0 && (
        <ul
          id={listId}
          role="listbox"
          aria-label={`${label}: matches`}
          style={{
            listStyle: 'none',
            margin: 0,
            padding: token('space.050'),
            border: `1px solid ${token('color.border')}`,
            borderRadius: token('radius.small'),
            background: token('elevation.surface.overlay'),
            boxShadow: token('elevation.shadow.overlay'),
          }}
        >
          {options.map((o, i) => (
            <li
              key={`${o.kind}:${o.id}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(o)}
              style={{
                padding: token('space.050'),
                cursor: 'pointer',
                background: i === active ? token('color.background.selected') : undefined,
              }}
            >
              {shown(o)}
            </li>
          ))}
        </ul>
      )}
      {note && <span style={{ color: token('color.text.subtle') }}>{note}</span>}
      {typedAway && !options && (
        <span style={{ color: token('color.text.subtle') }}>Pick from the list to change the owner.</span>
      )}
    </div>
  );
}
