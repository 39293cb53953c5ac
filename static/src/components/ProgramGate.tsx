/**
 * Chooses the program a project's surfaces show: the project's only program, or, when the project is in
 * several, the one the user picks in a switcher (remembered per project). A project in no program says
 * so, with the way to the admin page. The surfaces below remount on a switch, so nothing of one
 * program's answers stays on screen under another's name.
 */
import { router } from '@forge/bridge';
import { token } from '@atlaskit/tokens';
import { useState, type ReactNode } from 'react';
import type { ProgramEntry } from '../../../src/shared/contract';
import { rememberedProgram, rememberProgram, setCurrentProgram } from '../program';
import { useResolver } from '../useResolver';
import { Notice } from './Notice';
import { ProgramChoiceContext } from './ProgramField';
import { LoadingState } from './LoadingState';

function chosen(programs: readonly ProgramEntry[], wanted: string | undefined): ProgramEntry | undefined {
  return programs.find((p) => p.id === wanted) ?? programs[0];
}

export function ProgramGate({ projectKey, children }: { projectKey: string; children: ReactNode }) {
  const [programs, retry] = useResolver('program/forProject', { projectKey });
  const [wanted, setWanted] = useState(() => rememberedProgram(projectKey));
  if (programs.state === 'loading') return <LoadingState label="Finding the project's program" />;
  // A plain notice, not ErrorState: this gate is in the project page's first paint (bundle budget).
  if (programs.state === 'error')
    return (
      <Notice appearance="error" title="Could not find the project's program">
        <p>{programs.error.message}</p>
        <button type="button" onClick={retry}>
          Try again
        </button>
      </Notice>
    );
  const list = programs.data.programs;
  const program = chosen(list, wanted);
  if (!program) {
    return (
      <Notice title={`${projectKey} is in no MetaScrum program`}>
        <p>
          A Jira administrator can add it to a program in{' '}
          <a
            href="#admin"
            onClick={(event) => {
              event.preventDefault();
              void router.navigate({ target: 'module', moduleKey: 'metascrum-admin' });
            }}
          >
            MetaScrum settings
          </a>
          .
        </p>
      </Notice>
    );
  }
  setCurrentProgram(program.id);
  return (
    <>
      {list.length > 1 ? (
        <label style={{ display: 'flex', gap: token('space.100'), alignItems: 'center' }}>
          Program
          <select
            aria-label="Program"
            value={program.id}
            onChange={(event) => {
              rememberProgram(projectKey, event.target.value);
              setWanted(event.target.value);
            }}
          >
            {list.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <ProgramChoiceContext.Provider value={{ programs: list, current: program.id }}>
        <div key={program.id}>{children}</div>
      </ProgramChoiceContext.Provider>
    </>
  );
}
