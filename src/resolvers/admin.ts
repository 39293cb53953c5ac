import { clock } from '../clock';
import { contract } from '../shared/contract';
import { getAdminConfig, restoreConfigVersion, saveAdminConfig } from '../services/admin-config';
import { getAdminSettings } from '../services/admin-settings';
import { rebuildOnRequest } from '../services/snapshot/snapshot-requests';
import { jiraAccess, requireJiraAdmin } from './access';
import { respond } from './respond';
import type { ResolverTable } from './resolver-types';

export const adminResolvers = {
  'admin/getSettings': (request) =>
    respond('admin/getSettings', contract['admin/getSettings'], request.payload, async () => {
      const { asUser } = jiraAccess();
      await requireJiraAdmin(asUser);
      return getAdminSettings();
    }),
  'admin/rebuildSnapshot': (request) =>
    respond('admin/rebuildSnapshot', contract['admin/rebuildSnapshot'], request.payload, async () => {
      const { asUser } = jiraAccess();
      await requireJiraAdmin(asUser);
      return rebuildOnRequest(clock());
    }),
  'admin/getConfig': (request) =>
    respond('admin/getConfig', contract['admin/getConfig'], request.payload, async () => {
      const { asUser } = jiraAccess();
      await requireJiraAdmin(asUser);
      return getAdminConfig(asUser);
    }),
  'admin/saveConfig': (request) =>
    respond(
      'admin/saveConfig',
      contract['admin/saveConfig'],
      request.payload,
      async ({ config, baseVersion, confirmLevelRemoval }) => {
        const { asUser, asApp } = jiraAccess();
        await requireJiraAdmin(asUser);
        return saveAdminConfig(
          asUser,
          asApp,
          { raw: config, baseVersion, confirmLevelRemoval: confirmLevelRemoval ?? false },
          clock(),
        );
      },
    ),
  'admin/restoreConfigVersion': (request) =>
    respond(
      'admin/restoreConfigVersion',
      contract['admin/restoreConfigVersion'],
      request.payload,
      async ({ version, baseVersion, confirmLevelRemoval }) => {
        const { asUser, asApp } = jiraAccess();
        await requireJiraAdmin(asUser);
        return restoreConfigVersion(
          asUser,
          asApp,
          { version, baseVersion, confirmLevelRemoval: confirmLevelRemoval ?? false },
          clock(),
        );
      },
    ),
} satisfies Partial<ResolverTable>;
