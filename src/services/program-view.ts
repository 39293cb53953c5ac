/**
 * The program as one user may see it, from the snapshot: the projects in scope that they can browse,
 * and those projects' work items with every dependency on an issue outside them removed. Without a
 * snapshot, a build is requested and the view is empty with `snapshot.state = 'missing'`.
 */
import { toWorkItem, type WorkItem } from '../domain/work-item';
import type { SnapshotInfo } from '../shared/contract';
import { readProgramSettings } from '../storage/program-settings';
import { readManifest } from '../storage/snapshot-store';
import { programScopeFor, type ProgramScope } from './program-scope';
import { readProgramIssues, snapshotInfo } from './snapshot/snapshot-reader';
import { requestSnapshotJob } from './snapshot/snapshot-requests';
import { browsableProjectsOf } from './user-access';
import type { Viewer } from './viewer';

export interface ProgramView {
  scope: ProgramScope;
  items: WorkItem[];
  snapshot: SnapshotInfo;
}

/** `narrow`: keep only these projects (a gadget's configuration); it can never widen the scope. */
export async function programViewFor(viewer: Viewer, narrow?: ReadonlySet<string>): Promise<ProgramView> {
  const [settings, manifest, browsable] = await Promise.all([
    readProgramSettings(),
    readManifest(),
    browsableProjectsOf(viewer.asUser, viewer.accountId, viewer.now),
  ]);
  const programScope = programScopeFor(settings, browsable);
  const scope = narrow
    ? { ...programScope, visibleProjects: programScope.visibleProjects.filter((p) => narrow.has(p.key)) }
    : programScope;
  if (!manifest) {
    await requestSnapshotJob({ reason: 'requested', mode: 'full' }, viewer.now);
    return { scope, items: [], snapshot: snapshotInfo(undefined, viewer.now) };
  }
  const visible = new Set(scope.visibleProjects.map((p) => p.key));
  const { manifest: read, issues } = await readProgramIssues(manifest, visible);
  const items = issues.map(toWorkItem).map((item) => ({
    ...item,
    dependencies: item.dependencies.filter((d) => visible.has(d.other.projectKey)),
  }));
  return { scope, items, snapshot: snapshotInfo(read, viewer.now, new Set(browsable.keys())) };
}
