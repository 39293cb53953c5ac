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
    changes: [],
  },
  history: Array.from({ length: version }, (_, i) => ({
    version: version - i,
    savedAt: '2026-11-20T09:00:00Z',
    savedBy: { accountId: 'admin', displayName: 'Ada Admin' },
    note: 'saved',
    changes: [`Program name: "Commerce v${version - i - 1}" → "Commerce v${version - i}"`],
  })),
  availableProjects: [
    { key: 'PAY', name: 'Payments' },
    { key: 'CHK', name: 'Checkout' },
  ],
  notices: [],
  linkTypes: [
    { name: 'Blocks', dependency: 'prerequisite is the source', reason: 'outward "blocks": B needs A' },
    { name: 'Relates', dependency: null, reason: '"Relates" links are never dependencies' },
  ],
});

beforeEach(() => {
  resetBridge();
  replies.set('admin/getSettings', pending);
  replies.set('snapshot/getStatus', pending);
  replies.set('program/list', () =>
    ok({ programs: [{ id: 'default', name: 'Commerce', projects: ['PAY'] }] }),
  );
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
        'Horizon: minimum sprints must not exceed the maximum sprints',
        'config.horizon.minSprints',
        [
          {
            field: 'config.horizon.minSprints',
            message: 'Horizon: minimum sprints must not exceed the maximum sprints',
          },
          { field: 'config.impediments.levels[1].name', message: 'Too small' },
        ],
      ),
    );
    renderView('admin/AdminView', {});
    fireEvent.change(await screen.findByLabelText('At least (sprints)'), { target: { value: '9' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save configuration' }));
    expect(await screen.findByTestId('error-horizon')).toHaveTextContent(
      /^Horizon: minimum sprints must not exceed the maximum sprints$/,
    );
    expect(screen.getByTestId('error-impediments.levels[1].name')).toHaveTextContent('Too small');
    expect(calls.find((c) => c.key === 'admin/saveConfig')?.payload).toMatchObject({
      config: { horizon: { minSprints: 9 } },
    });
  });

  it('picks ladder owners from Jira by name, shows stored ones by name, and sends their ids', async () => {
    const withOwner = admin(1);
    const levels = withOwner.config.impediments.levels.map((l, i) =>
      i === 0 ? { ...l, owner: 'po-pay', ownerKind: 'user' as const } : l,
    );
    withOwner.config = { ...withOwner.config, impediments: { ...withOwner.config.impediments, levels } };
    replies.set('admin/getConfig', () => ok(withOwner));
    replies.set('owners/describe', () =>
      ok({ owners: [{ kind: 'user', id: 'po-pay', displayName: 'Pat Payments (PO)' }] }),
    );
    replies.set('owners/find', () =>
      ok({ owners: [{ kind: 'group', id: 'g-eat', displayName: 'executive-action-team' }] }),
    );
    replies.set('admin/saveConfig', () =>
      failure('BAD_PAYLOAD', 'x', 'config.impediments.levels[3].owner', [
        {
          field: 'config.impediments.levels[3].owner',
          message: 'Escalation ladder: level 4 owner: Jira has no group with the id "g-eat"',
        },
      ]),
    );
    renderView('admin/AdminView', {});
    await waitFor(() => expect(screen.getByLabelText('Level 1 owner')).toHaveValue('Pat Payments (PO)'));
    fireEvent.change(screen.getByLabelText('Level 4 owner'), { target: { value: 'exec' } });
    fireEvent.click(await screen.findByRole('option', { name: 'executive-action-team (group)' }));
    expect(screen.getByLabelText('Level 4 owner')).toHaveValue('executive-action-team (group)');
    fireEvent.click(screen.getByRole('button', { name: 'Save configuration' }));
    expect(await screen.findByTestId('error-impediments.levels[3].owner')).toHaveTextContent(
      'Escalation ladder: level 4 owner: Jira has no group with the id "g-eat"',
    );
    const sent = calls.find((c) => c.key === 'admin/saveConfig')?.payload;
    expect(sent).toMatchObject({
      config: {
        impediments: {
          levels: [{ owner: 'po-pay', ownerKind: 'user' }, {}, {}, { owner: 'g-eat', ownerKind: 'group' }],
        },
      },
    });
  });

  it('lists what each saved version changed and who saved it', async () => {
    replies.set('admin/getConfig', () => ok(admin(2)));
    renderView('admin/AdminView', {});
    expect(await screen.findByTestId('changes-2')).toHaveTextContent(
      'Program name: "Commerce v1" → "Commerce v2"',
    );
    expect(screen.getByTestId('config-history')).toHaveTextContent('Ada Admin');
  });

  it('asks to confirm moving the open impediments of a removed level, and sends the confirmation', async () => {
    replies.set('admin/getConfig', () => ok(admin(1)));
    replies.set('admin/saveConfig', () =>
      ok({ ...admin(2), notices: ['CHK-94: moved from "Scrum of Scrums of Scrums" to "Scrum of Scrums".'] }),
    );
    renderView('admin/AdminView', {});
    await screen.findByLabelText('Level 3 name');
    expect(screen.queryByTestId('confirm-level-removal')).toBeNull();
    fireEvent.click(screen.getAllByRole('button', { name: 'Remove' })[2]!);
    fireEvent.click(
      await screen.findByRole('checkbox', {
        name: /Move the open impediments of "Scrum of Scrums of Scrums"/,
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save configuration' }));
    expect(await screen.findByTestId('save-notices')).toHaveTextContent('CHK-94: moved');
    expect(calls.find((c) => c.key === 'admin/saveConfig')?.payload).toMatchObject({
      confirmLevelRemoval: true,
    });
  });

  it('turns on raising an Impediment for slip alerts, off by default, and saves it', async () => {
    replies.set('admin/getConfig', () => ok(admin(1)));
    replies.set('admin/saveConfig', () => ok(admin(2)));
    renderView('admin/AdminView', {});
    const toggle = await screen.findByRole('checkbox', {
      name: /Raise an Impediment at the Scrum of Scrums/,
    });
    expect(toggle).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Notify the assignees of both sides' })).not.toBeChecked();
    fireEvent.click(toggle);
    fireEvent.click(screen.getByRole('button', { name: 'Save configuration' }));
    await waitFor(() =>
      expect(calls.find((c) => c.key === 'admin/saveConfig')?.payload).toMatchObject({
        config: { alerts: { notify: false, raiseImpediment: true } },
      }),
    );
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

  it('asks before a restore that removes levels holding open impediments, then restores with the move', async () => {
    replies.set('admin/getConfig', () => ok(admin(2)));
    replies.set('admin/restoreConfigVersion', (payload) =>
      typeof payload === 'object' &&
      payload !== null &&
      'confirmLevelRemoval' in payload &&
      payload.confirmLevelRemoval
        ? ok({ ...admin(3), config: parseProgramConfig({ name: 'Commerce v1' }) })
        : failure(
            'BAD_PAYLOAD',
            'Escalation ladder: removing "EAT" moves its open impediments (CHK-94) to "Scrum of Scrums". Confirm the move to save.',
            'config.impediments.levels',
          ),
    );
    renderView('admin/AdminView', {});
    fireEvent.click(await screen.findByRole('button', { name: 'Restore version 1' }));
    const confirm = await screen.findByRole('button', {
      name: 'Restore version 1 and move those impediments',
    });
    expect(screen.getByText(/moves its open impediments \(CHK-94\)/)).toBeInTheDocument();
    fireEvent.click(confirm);
    await waitFor(() => expect(screen.getByLabelText('Program name')).toHaveValue('Commerce v1'));
    expect(calls.filter((c) => c.key === 'admin/restoreConfigVersion').map((c) => c.payload)).toEqual([
      expect.objectContaining({ version: 1, baseVersion: 2, confirmLevelRemoval: false }),
      expect.objectContaining({ version: 1, baseVersion: 2, confirmLevelRemoval: true }),
    ]);
  });
});
