/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { createElement, type ComponentType } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import type { ProgramEntry } from '../../src/shared/contract';
import { resetBridge } from './ui-harness';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('./ui-harness')>('./ui-harness').bridgeMock,
);

interface SectionProps {
  programs: ProgramEntry[];
  selected: string;
  onSelect: (id: string) => void;
  onChanged: (programs: ProgramEntry[], select?: string) => void;
}
const { ProgramsSection } = jest.requireActual<{ ProgramsSection: ComponentType<SectionProps> }>(
  '../../static/src/views/admin/ProgramsSection',
);

const programs: ProgramEntry[] = [
  { id: 'default', name: 'Checkout', projects: ['PAY'] },
  { id: 'platform', name: 'Platform', projects: ['PLAT'] },
];

function renderSection(selected: string) {
  const props = { programs, selected, onSelect: jest.fn(), onChanged: jest.fn() };
  return render(createElement(ProgramsSection, props));
}

beforeEach(() => resetBridge());

describe('the admin page’s programs', () => {
  it('offers no delete for the first program, saying why', () => {
    renderSection('default');
    expect(screen.queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument();
    expect(screen.getByText(/Checkout is the first program/)).toHaveTextContent(
      'gadgets, panels and reports that name no program show it, so it cannot be deleted',
    );
  });

  it('deletes another program only after a confirmation', () => {
    renderSection('platform');
    fireEvent.click(screen.getByRole('button', { name: 'Delete Platform…' }));
    expect(screen.getByText('Delete the program Platform?')).toBeInTheDocument();
  });
});
