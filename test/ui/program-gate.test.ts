/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { createElement, type ComponentType, type ReactNode } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { bridgeMock, calls, ok, replies, resetBridge } from './ui-harness';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('./ui-harness')>('./ui-harness').bridgeMock,
);

type GateProps = { projectKey: string; children: ReactNode };
const { ProgramGate } = jest.requireActual<{ ProgramGate: ComponentType<GateProps> }>(
  '../../static/src/components/ProgramGate',
);

function renderGate(projectKey: string) {
  return render(createElement(ProgramGate, { projectKey, children: createElement('p', null, 'the board') }));
}

beforeEach(() => {
  resetBridge();
  bridgeMock.router.navigate.mockClear();
});

describe('the program gate of a project page', () => {
  it('says a project in no program is in none, with the way to the settings, and shows no board', async () => {
    replies.set('program/forProject', () => ok({ programs: [] }));
    renderGate('MOB');
    expect(await screen.findByText('MOB is in no MetaScrum program')).toBeInTheDocument();
    expect(screen.queryByText('the board')).not.toBeInTheDocument();
    expect(calls).toEqual([{ key: 'program/forProject', payload: { projectKey: 'MOB' } }]);
    fireEvent.click(screen.getByRole('link', { name: 'MetaScrum settings' }));
    expect(bridgeMock.router.navigate).toHaveBeenCalledWith({
      target: 'module',
      moduleKey: 'metascrum-admin',
    });
  });

  it('shows the board of the project’s only program without a switcher', async () => {
    replies.set('program/forProject', () =>
      ok({ programs: [{ id: 'default', name: 'Checkout', projects: ['PAY'] }] }),
    );
    renderGate('PAY');
    expect(await screen.findByText('the board')).toBeInTheDocument();
    expect(screen.queryByText(/in no MetaScrum program/)).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Program')).not.toBeInTheDocument();
  });
});
