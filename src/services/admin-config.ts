/**
 * The admin page's full program configuration: read it with its saved versions, save a new version
 * (every invalid field named, nothing stored), or restore an earlier version as a new one. A change
 * of projects or fields rebuilds the snapshot; any other change re-runs the analysis on it.
 */
import { ProgramConfigError, parseProgramConfig, type ProgramConfig } from '../domain/config/program-config';
import { verdictOf } from '../domain/normalise/link-direction';
import type { JiraClient } from '../jira/client';
import { getMyself, listBrowsableProjects, listIssueLinkTypes } from '../jira/reads';
import type { AdminConfig, ConfigVersion } from '../shared/contract';
import { FieldIdSchema } from '../shared/contract';
import {
  listConfigVersions,
  readConfigVersion,
  readProgramConfig,
  readStoredConfig,
  saveProgramConfig,
  type StoredConfig,
} from '../storage/program-config';
import { requestAnalysis } from './analysis/analysis-view';
import { InvalidFields, InvalidInput } from './errors';
import { requestSnapshotJob } from './snapshot/snapshot-requests';

const versionOf = (s: StoredConfig): ConfigVersion => ({
  version: s.version,
  savedAt: s.savedAt,
  savedBy: s.savedBy,
  note: s.note,
});

export async function getAdminConfig(asUser: JiraClient): Promise<AdminConfig> {
  const [stored, history, projects, linkTypes] = await Promise.all([
    readStoredConfig(),
    listConfigVersions(),
    listBrowsableProjects(asUser),
    listIssueLinkTypes(asUser),
  ]);
  const config = stored?.config ?? (await readProgramConfig());
  return {
    config,
    version: stored ? versionOf(stored) : null,
    history: history.map(versionOf),
    availableProjects: projects.map((p) => ({ key: p.key, name: p.name })),
    linkTypes: linkTypes.map((t) => verdictOf(t, config)),
  };
}

/** The engine's schema first, then what only Jira can tell: do the projects exist, are fields ids. */
function checkedConfig(raw: unknown, known: ReadonlySet<string>): ProgramConfig {
  let config: ProgramConfig;
  try {
    config = parseProgramConfig(raw);
  } catch (error) {
    if (!(error instanceof ProgramConfigError)) throw error;
    throw new InvalidFields(error.problems.map((p) => ({ field: `config.${p.field}`, message: p.message })));
  }
  const problems: Array<{ field: string; message: string }> = [];
  config.projects.forEach((key, i) => {
    if (!known.has(key))
      problems.push({ field: `config.projects[${i}]`, message: `project ${key} does not exist` });
    if (config.projects.indexOf(key) !== i)
      problems.push({ field: `config.projects[${i}]`, message: `project ${key} is listed twice` });
  });
  for (const [role, ref] of Object.entries(config.fields)) {
    if (ref !== undefined && !FieldIdSchema.safeParse(ref).success)
      problems.push({
        field: `config.fields.${role}`,
        message: 'must be a field id such as customfield_10016',
      });
  }
  if (problems.length > 0) throw new InvalidFields(problems);
  return config;
}

async function store(asUser: JiraClient, config: ProgramConfig, now: number, note: string) {
  const [previous, me] = await Promise.all([readProgramConfig(), getMyself(asUser)]);
  await saveProgramConfig(
    config,
    { accountId: me.accountId, displayName: me.displayName ?? me.accountId },
    now,
    note,
  );
  const refetch =
    JSON.stringify(previous.projects) !== JSON.stringify(config.projects) ||
    JSON.stringify(previous.fields) !== JSON.stringify(config.fields);
  if (refetch) await requestSnapshotJob({ reason: 'settings', mode: 'full' }, now);
  else await requestAnalysis('settings', now, true);
}

export async function saveAdminConfig(asUser: JiraClient, raw: unknown, now: number): Promise<AdminConfig> {
  const known = new Set((await listBrowsableProjects(asUser)).map((p) => p.key));
  await store(asUser, checkedConfig(raw, known), now, 'saved');
  return getAdminConfig(asUser);
}

export async function restoreConfigVersion(
  asUser: JiraClient,
  version: number,
  now: number,
): Promise<AdminConfig> {
  const record = await readConfigVersion(version);
  if (!record) throw new InvalidInput('version', `version ${version} is not in the kept history`);
  await store(asUser, record.config, now, `restored version ${version}`);
  return getAdminConfig(asUser);
}
