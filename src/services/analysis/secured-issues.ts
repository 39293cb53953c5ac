/**
 * Jira's issue security inside projects the user may browse. The snapshot is built as the app, which
 * sees every security level; a user who browses a project may still not see an issue whose level they
 * are not a member of. The analysis lists, per project, the issues that carry a level (`secured:<project>`,
 * usually a handful); each view asks Jira as the user which of them they may browse
 * (`permissions/check`, which applies security levels) and hides the rest like a hidden project's.
 */
import { z } from 'zod';
import { browsableIssueIds } from '../../jira/permissions';
import type { AnalysisManifest } from '../../storage/analysis-schema';
import { readParts } from '../../storage/analysis-store';
import type { Viewer } from '../viewer';

export const SecuredRecordSchema = z.strictObject({ key: z.string(), id: z.string() });
export type SecuredRecord = z.infer<typeof SecuredRecordSchema>;
export const SECURED_PARTITION = 'secured';

const TTL_MS = 60_000;
const MAX_ENTRIES = 500;
const cache = new Map<string, { until: number; hidden: ReadonlySet<string> }>();
const NONE: ReadonlySet<string> = new Set();

/** Keys of secured issues in `visibleProjects` that the viewer may not browse. */
export async function hiddenSecuredKeys(
  viewer: Viewer,
  manifest: AnalysisManifest | undefined,
  visibleProjects: ReadonlySet<string>,
): Promise<ReadonlySet<string>> {
  const parts = (manifest?.parts ?? []).filter((p) => {
    const [name, project] = p.partition.split(':');
    return name === SECURED_PARTITION && project !== undefined && visibleProjects.has(project);
  });
  if (!manifest || parts.length === 0) return NONE;
  // Per account and analysis: the same user opening several views within a minute asks Jira once.
  const cacheKey = `${viewer.accountId ?? ''}:${manifest.version}:${[...visibleProjects].sort().join(',')}`;
  const cached = viewer.accountId === undefined ? undefined : cache.get(cacheKey);
  if (cached && cached.until > viewer.now) return cached.hidden;
  const secured = await readParts(parts, SecuredRecordSchema);
  const permitted = await browsableIssueIds(
    viewer.asUser,
    secured.map((s) => s.id),
  );
  const hidden: ReadonlySet<string> = new Set(secured.filter((s) => !permitted.has(s.id)).map((s) => s.key));
  if (viewer.accountId !== undefined) {
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value ?? '');
    cache.set(cacheKey, { until: viewer.now + TTL_MS, hidden });
  }
  return hidden;
}

/** For tests and for a user whose permissions just changed. */
export function forgetSecuredIssues(): void {
  cache.clear();
}
