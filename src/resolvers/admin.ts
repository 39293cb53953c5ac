import { contract } from '../shared/contract';
import { getAdminSettings, saveAdminSettings } from '../services/admin-settings';
import { rebuildOnRequest } from '../services/snapshot/snapshot-requests';
import { jiraAccess, requireJiraAdmin } from './access';
import { respond } from './respond';
import type { ResolverTable } from './resolver-types';

export const adminResolvers = {
  'admin/getSettings': (request) =>
    respond('admin/getSettings', contract['admin/getSettings'], request.payload, async () => {
      const { asUser } = jiraAccess();
      await requireJiraAdmin(asUser);
      return getAdminSettings(asUser);
    }),
  'admin/saveSettings': (request) =>
    respond('admin/saveSettings', contract['admin/saveSettings'], request.payload, async ({ settings }) => {
      const { asUser } = jiraAccess();
      await requireJiraAdmin(asUser);
      return saveAdminSettings(asUser, settings, Date.now());
    }),
  'admin/rebuildSnapshot': (request) =>
    respond('admin/rebuildSnapshot', contract['admin/rebuildSnapshot'], request.payload, async () => {
      const { asUser } = jiraAccess();
      await requireJiraAdmin(asUser);
      return rebuildOnRequest(Date.now());
    }),
} satisfies Partial<ResolverTable>;
