/**
 * Which program an impediment is raised or escalated in, asked where the project is in several programs
 * (each has its own ladder). The gate's programs are shared through {@link ProgramChoiceContext}; with
 * one program there is nothing to ask and nothing is shown.
 */
import { createContext, useContext, useState } from 'react';
import type { ProgramEntry } from '../../../src/shared/contract';

export const ProgramChoiceContext = createContext<{ programs: ProgramEntry[]; current: string } | undefined>(
  undefined,
);

/** The program chosen for one action (the page's program until the user picks another). */
export function useActionProgram(): [string | undefined, (id: string) => void, ProgramEntry[]] {
  const choice = useContext(ProgramChoiceContext);
  const [programId, setProgramId] = useState(choice?.current);
  return [programId, setProgramId, choice?.programs ?? []];
}

export function ProgramField({
  id,
  value,
  programs,
  onChange,
}: {
  id: string;
  value: string | undefined;
  programs: readonly ProgramEntry[];
  onChange: (id: string) => void;
}) {
  if (programs.length < 2 || value === undefined) return null;
  return (
    <label htmlFor={id} style={{ display: 'grid' }}>
      In which program (its ladder)
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {programs.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
