/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { AdminConfig } from '../../src/shared/contract';
import { parseProgramConfig } from '../../src/domain/config/program-config';
import { calls, failure, ok, pending, renderView, replies, resetBridge } from './ui-harness';

jest.mock(
  '@forge/bridge',
  () => jest.requireActual<typeof import('./ui-harness')>('./ui-harness').bridgeMock,
);

const admin = (version: number): AdminConfig => ({
  config: parseProgramConfig({ name: `Commerce v${version}`, projects: ['PAY'] }),
  version: {
    version,
    savedAt: '2026-11-20T09:00:00Z',
    savedBy: { accountId: 'admin', displayName: 'Ada Admin' },
    note: 'saved',
  },
  history: Array.from({ length: version }, (_, i) => ({
    version: version - i,
    savedAt: '2026-11-20T09:00:00Z',
    savedBy: { accountId: 'admin', displayName: 'Ada Admin' },
    note: 'saved',
  })),
  availableProjects: [
    { key: 'PAY', name: 'Payments' },
    { key: 'CHK', name: 'Checkout' },
  ],
  linkTypes: [
    { name: 'Blocks', dependency: 'prerequisite is the source', reason: 'outward "blocks": B needs A' },
    { name: 'Relates', dependency: null, reason: '"Relates" links are never dependencies' },
  ],
});

beforeEach(() => {
  resetBridge();
  replies.set('admin/getSettings', pending);
  replies.set('snapshot/getStatus', pending);
});

describe('the admin page', () => {
  it('shows a loading state, and the no-permission state for a non-administrator', async () => {
    replies.set('admin/getConfig', pending);
    const { unmount } = renderView('admin/AdminView', {});
    expect(screen.getByRole('status')).toHaveTextContent('Loading MetaScrum settings');
    unmount();
    replies.set('admin/getConfig', () =>
      failure('FORBIDDEN', 'Only Jira administrators can change MetaScrum settings.'),
    );
    renderView('admin/AdminView', {});
    expect(await screen.findByText('No permission')).toBeInTheDocument();
  });

  it('shows every part of the config and the saved versions', async () => {
    replies.set('admin/getConfig', () => ok(admin(2)));
    renderView('admin/AdminView', {});
    expect(await screen.findByLabelText('Program name')).toHaveValue('Commerce v2');
    expect(screen.getByLabelText('Payments (PAY)')).toBeChecked();
    expect(screen.getByLabelText('Is estimated: weight')).toHaveValue(1);
    expect(screen.getByLabelText('At most (sprints)')).toHaveValue(4);
    expect(screen.getByLabelText('Level 4 name')).toHaveValue('Executive Action Team');
    // Every field role the backend resolves can be named here, the older parent fields and the flag too.
    for (const label of [
      'Story points',
      'Epic Link (older company-managed data)',
      'Parent Link (Advanced Roadmaps)',
      'Flagged',
    ])
      expect(screen.getByLabelText(label)).toHaveValue('');
    expect(screen.getByTestId('config-history')).toHaveTextContent('2 (current)');
    expect(screen.getByRole('button', { name: 'Restore version 1' })).toBeInTheDocument();
  });

  it('shows how each link type is read, and why', async () => {
    replies.set('admin/getConfig', () => ok(admin(1)));
    renderView('admin/AdminView', {});
    await screen.findByLabelText('Program name');
    expect(screen.getByText(/prerequisite is the source: outward "blocks": B needs A/)).toBeInTheDocument();
    expect(screen.getByText(/not a dependency: "Relates" links are never dependencies/)).toBeInTheDocument();
  });

  it('shows each invalid field’s message next to it', async () => {
    replies.set('admin/getConfig', () => ok(admin(1)));
    replies.set('admin/saveConfig', () =>
      failure(
        'BAD_PAYLOAD',
        'config.horizon.minSprints: minSprints must not exceed maxSprints',
        'config.horizon.minSprints',
        [
          { field: 'config.horizon.minSprints', message: 'minSprints must not exceed maxSprints' },
          { field: 'config.impediments.levels[1].name', message: 'Too small' },
        ],
      ),
    );
    renderView('admin/AdminView', {});
    fireEvent.change(await screen.findByLabelText('At least (sprints)'), { target: { value: '9' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save configuration' }));
    expect(await screen.findByTestId('error-horizon')).toHaveTextContent(
      'horizon.minSprints: minSprints must not exceed maxSprints',
    );
    expect(screen.getByTestId('error-impediments.levels[1].name')).toHaveTextContent('Too small');
    expect(calls.find((c) => c.key === 'admin/saveConfig')?.payload).toMatchObject({
      config: { horizon: { minSprints: 9 } },
    });
  });

  it('restores an earlier version into the form', async () => {
    replies.set('admin/getConfig', () => ok(admin(2)));
    replies.set('admin/restoreConfigVersion', () =>
      ok({ ...admin(3), config: parseProgramConfig({ name: 'Commerce v1' }) }),
    );
    renderView('admin/AdminView', {});
    fireEvent.click(await screen.findByRole('button', { name: 'Restore version 1' }));
    await waitFor(() => expect(screen.getByLabelText('Program name')).toHaveValue('Commerce v1'));
  });
});
