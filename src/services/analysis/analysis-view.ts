/**
 * The analysis as one user may see it: the stored analysis manifest, the projects of the program they
 * may browse (the same browsable-projects cache as every other view), and the snapshot's age. Without
 * a snapshot a build is requested; without an analysis of the current snapshot (an upgrade, a config
 * or order change) an analysis run is requested, at most once a minute.
 */
import { z } from 'zod';
import type { AnalysisInfo, SnapshotInfo } from '../../shared/contract';
import type { AnalysisManifest, AnalysisPartRef } from '../../storage/analysis-schema';
import { readAnalysisManifest } from '../../storage/analysis-store';
import { projectKeyOf } from '../../domain/issue-key';
import { readMetascrumOrder, type StoredOrder } from '../../storage/metascrum-order';
import { readStoredConfig } from '../../storage/program-config';
import { readSnapshotJob } from '../../storage/snapshot-job';
import { analysisInfoOf } from './analysis-info';
import { readManifest } from '../../storage/snapshot-store';
import { programKey } from '../../storage/keys';
import { readStored, writeStored } from '../../storage/stored-json';
import { programScopeFor, type ProgramScope } from '../program-scope';
import { snapshotInfo } from '../snapshot/snapshot-reader';
import { requestSnapshotJob } from '../snapshot/snapshot-requests';
import { requestProgramSync } from '../sync-queue';
import { browsableProjectsOf } from '../user-access';
import type { Viewer } from '../viewer';
import { HIDDEN_ISSUE } from '../../shared/cycle-wording';
import { InvalidInput } from '../errors';
import { hiddenSecuredKeys } from './secured-issues';

const ANALYSIS_REQUEST_KEY = 'analysis:requested:v1';
const RequestedSchema = z.strictObject({ at: z.number() });
const REQUEST_EVERY_MS = 60_000;

export interface AnalysisView {
  scope: ProgramScope;
  /** Every project key of the program, browsable or not: only to validate a gadget's keys, never shown. */
  programProjectKeys: readonly string[];
  /** Project keys this user may see in this view. */
  visible: ReadonlySet<string>;
  /** Issues of those projects that Jira's issue security hides from this user (see secured-issues.ts). */
  hiddenKeys: ReadonlySet<string>;
  /**
   * Set on a narrowed view (a gadget's scope): what the user may see, unnarrowed. The scope decides
   * which rows are listed; whether a key may be named in text is still the user's permission.
   */
  permitted?: Visibility;
  manifest: AnalysisManifest | undefined;
  order: StoredOrder | undefined;
  snapshot: SnapshotInfo;
  analysis: AnalysisInfo;
}

/** Asks the consumer to re-run the analysis (debounced: many users open a view at once). */
export async function requestAnalysis(
  reason: 'order' | 'settings',
  now: number,
  force = false,
): Promise<void> {
  const last = await readStored(programKey(ANALYSIS_REQUEST_KEY), RequestedSchema);
  if (!force && last && now - last.at < REQUEST_EVERY_MS) return;
  await writeStored(programKey(ANALYSIS_REQUEST_KEY), RequestedSchema, { at: now });
  await requestProgramSync({ reason, mode: 'analysis' });
}

/**
 * `narrow`: keep only these projects (a gadget's configuration); it can never widen the scope. A key
 * that is not one of the program's projects is refused, naming `config.projectKeys`.
 */
export async function analysisViewFor(viewer: Viewer, narrow?: ReadonlySet<string>): Promise<AnalysisView> {
  const view = await permittedViewFor(viewer);
  return narrow ? narrowedView(view, narrow) : view;
}

/**
 * A view narrowed to some projects (a gadget's scope). Only `scope` and `visible` narrow: what the user
 * may see is still `sees()` on the permitted view, so keep that one to tell "outside the gadget's scope"
 * from "you cannot see it".
 */
export function narrowedView(view: AnalysisView, narrow: ReadonlySet<string>): AnalysisView {
  const unknown = [...narrow].filter((key) => !view.programProjectKeys.includes(key));
  if (unknown.length > 0)
    throw new InvalidInput(
      'config.projectKeys',
      `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a project' : 'are not projects'} of this program`,
    );
  const visibleProjects = view.scope.visibleProjects.filter((p) => narrow.has(p.key));
  return {
    ...view,
    scope: { ...view.scope, visibleProjects },
    visible: new Set(visibleProjects.map((p) => p.key)),
    permitted: view.permitted ?? { visible: view.visible, hiddenKeys: view.hiddenKeys },
  };
}

async function permittedViewFor(viewer: Viewer): Promise<AnalysisView> {
  const [snapshot, manifest, order, stored, browsable, job] = await Promise.all([
    readManifest(),
    readAnalysisManifest(),
    readMetascrumOrder(),
    readStoredConfig(),
    browsableProjectsOf(viewer.asUser, viewer.accountId, viewer.now),
    readSnapshotJob(),
  ]);
  const scope = programScopeFor(stored?.config, browsable);
  if (!snapshot) await requestSnapshotJob({ reason: 'requested', mode: 'full' }, viewer.now);
  const analysis = analysisInfoOf(snapshot, manifest, order, stored);
  if (snapshot && analysis.state !== 'ready') await requestAnalysis('settings', viewer.now);
  const visible = new Set(scope.visibleProjects.map((p) => p.key));
  const configured = stored?.config.projects ?? [];
  return {
    scope,
    // Unconfigured, the program is every project the snapshot was built for (the app's view).
    programProjectKeys:
      configured.length > 0
        ? configured
        : [...new Set([...(snapshot?.projectKeys ?? []), ...browsable.keys()])],
    visible,
    hiddenKeys: await hiddenSecuredKeys(viewer, manifest, visible),
    manifest,
    order,
    snapshot: snapshotInfo(snapshot, viewer.now, new Set(browsable.keys()), job),
    analysis,
  };
}

/** Parts of `partition:<project>` for the visible projects only. */
export function visibleParts(view: AnalysisView, partition: string): AnalysisPartRef[] {
  return (view.manifest?.parts ?? []).filter((p) => {
    const [name, project] = p.partition.split(':');
    return name === partition && project !== undefined && view.visible.has(project);
  });
}

interface Visibility {
  visible: ReadonlySet<string>;
  hiddenKeys: ReadonlySet<string>;
  permitted?: Visibility;
}

/**
 * The one visibility rule of every view: the issue's project is browsable and no security level hides it.
 * On a narrowed view it also says which rows the view lists (its scope); see {@link mayName} for text.
 */
export const sees = (view: Visibility, key: string): boolean =>
  view.visible.has(projectKeyOf(key)) && !view.hiddenKeys.has(key);

/** Whether the user may see `key` by their permission alone, whatever the view's scope. */
export const mayName = (view: Visibility, key: string): boolean => sees(view.permitted ?? view, key);

/** True when the user may see every issue in `keys`. */
export const allVisible = (view: Visibility, keys: readonly string[]) => keys.every((k) => sees(view, k));

const ISSUE_KEY_IN_TEXT = /\b[A-Z][A-Z0-9_]{0,19}-[0-9]+\b( \([^)]*\))?/g;

/**
 * The one redaction rule for engine text (readiness reasons, suggested-order reasons, WSJF problems,
 * forecast reasons): an issue key the user may not see (its project, or its security level) becomes
 * HIDDEN_ISSUE, and the detail the engine writes right after a key, in parentheses (its WSJF, its
 * sprint's name), goes with it. A narrowed view's scope plays no part: it lists less, it hides nothing.
 */
export function redactKeys(view: Visibility, text: string): string {
  return text.replace(ISSUE_KEY_IN_TEXT, (match: string) => {
    const key = match.split(' ')[0] ?? match;
    return mayName(view, key) ? match : HIDDEN_ISSUE;
  });
}
