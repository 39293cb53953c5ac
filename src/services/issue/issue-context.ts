/**
 * The issue context panel: the issue's transitive upstream and downstream dependencies (from the stored
 * analysis, never re-analysed per call), their sprint-order status, cycle and critical-path membership
 * and its readiness checklist. Permissions: the issue itself must be
 * browsable by the user (Jira is asked, as them, about the issue and every issue on its trails, so issue
 * security applies); hidden issues are counted, never named, and never walked through.
 */
import { trailOverEdges } from '../../domain/views/trail-over-edges';
import { browsableIssueIds } from '../../jira/permissions';
import { getIssue, ISSUE_REF_FIELDS } from '../../jira/reads';
import type { IssueContext, TrailEntry } from '../../shared/contract';
import {
  CycleRecordSchema,
  ImpedimentBlockRecordSchema,
  ItemRecordSchema,
} from '../../storage/analysis-schema';
import { partsOf, readParts } from '../../storage/analysis-store';
import { issueNumberOf, projectKeyOf } from '../../domain/issue-key';
import { analysisViewFor, redactKeys, sees, type AnalysisView } from '../analysis/analysis-view';
import { visibleCyclePath } from '../analysis/cycle-projection';
import { JiraForbidden, JiraNotFound } from '../../jira/errors';
import { NotFound, NotInProgram } from '../errors';
import { programRecordFor } from '../panel/board';
import type { Viewer } from '../viewer';
import { EPIC_OWN_RULES } from '../../domain/readiness/program-readiness';
import { epicRollup } from './epic-rollup';
import { impedimentLinksOf } from './impediment-links';
import { trailGraph } from './trail-graph';
import { issueForecast } from './issue-forecast';

const NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';
type Step = { key: string; depth: number; via: string; status: TrailEntry['status'] };

async function itemRecord(view: AnalysisView, key: string) {
  if (!view.manifest) return undefined;
  const n = issueNumberOf(key);
  const parts = partsOf(view.manifest, `items:${projectKeyOf(key)}`).filter(
    (p) => (p.first ?? 0) <= n && n <= (p.last ?? Infinity),
  );
  return (await readParts(parts, ItemRecordSchema)).find((r) => r.key === key);
}

/**
 * Why the panel has nothing to show: an issue of a project outside the program that the user may browse
 * (Jira is asked, as them) is "not in this program"; anything else reads exactly like a missing issue.
 */
async function refusal(viewer: Viewer, view: AnalysisView, issueKey: string): Promise<Error> {
  const project = projectKeyOf(issueKey);
  // A program project hidden from the user, or an issue hidden by its security level: say nothing more.
  if (view.programProjectKeys.includes(project)) return new NotFound(NOT_FOUND);
  const browsable = await getIssue(viewer.asUser, issueKey, ISSUE_REF_FIELDS).then(
    () => true,
    (error: unknown) => {
      if (error instanceof JiraNotFound || error instanceof JiraForbidden) return false;
      throw error;
    },
  );
  return browsable
    ? new NotInProgram(
        `${issueKey} is not in this program: project ${project} is not one of its team projects.`,
      )
    : new NotFound(NOT_FOUND);
}

export async function issueContext(viewer: Viewer, issueKey: string): Promise<IssueContext> {
  const view = await analysisViewFor(viewer);
  if (!sees(view, issueKey)) throw await refusal(viewer, view, issueKey);
  const inProjects = (key: string) => sees(view, key);
  const [{ nodes: nodeOf, edges }, cycles, blockRecords, item, program] = await Promise.all([
    trailGraph(view, issueKey, inProjects),
    view.manifest ? readParts(partsOf(view.manifest, 'cycles'), CycleRecordSchema) : [],
    view.manifest ? readParts(partsOf(view.manifest, 'impediment-blocks'), ImpedimentBlockRecordSchema) : [],
    itemRecord(view, issueKey),
    programRecordFor(view),
  ]);
  const reachable = [
    ...trailOverEdges(edges, issueKey, 'upstream', inProjects).steps,
    ...trailOverEdges(edges, issueKey, 'downstream', inProjects).steps,
  ].map((s) => s.key);
  const self = nodeOf.get(issueKey);
  // Outside every open dependency (the graph holds summaries only for those): Jira answers, as the user.
  const live = self ? undefined : await getIssue(viewer.asUser, issueKey, ISSUE_REF_FIELDS);
  const selfId = self?.id ?? item?.id ?? live?.id;
  const summary = self?.summary ?? live?.fields?.summary ?? '';
  const blocking = impedimentLinksOf(blockRecords, issueKey);
  const ids = [
    ...(selfId ? [selfId] : []),
    ...reachable.flatMap((k) => nodeOf.get(k)?.id ?? []),
    ...[...blocking.ids.values()].filter((id) => id !== ''),
  ];
  const permitted = await browsableIssueIds(viewer.asUser, ids);
  if (selfId !== undefined && !permitted.has(selfId)) throw new NotFound(NOT_FOUND);
  const idOf = (key: string) => nodeOf.get(key)?.id ?? blocking.ids.get(key) ?? '';
  const canSee = (key: string) => inProjects(key) && permitted.has(idOf(key));
  const entry = (s: Step): TrailEntry => {
    const n = nodeOf.get(s.key);
    return {
      ...s,
      summary: n?.summary ?? '',
      team: n?.team ?? null,
      statusName: n?.statusName ?? '',
      statusCategory: n?.statusCategory ?? 'new',
      inCycle: n?.inCycle ?? false,
      critical: n?.critical ?? false,
    };
  };
  const up = trailOverEdges(edges, issueKey, 'upstream', canSee);
  const down = trailOverEdges(edges, issueKey, 'downstream', canSee);
  const direct = edges.filter(
    (e) => (e.to === issueKey && canSee(e.from)) || (e.from === issueKey && canSee(e.to)),
  );
  const failing = new Map((item?.failing ?? []).map((f) => [f.id, f.reason]));
  const isEpic = item?.kind === 'epic';
  // An epic is checked against its own rules only; its children carry the others (see its explanation).
  const checklist = isEpic
    ? program.checklist.filter((rule) => EPIC_OWN_RULES.some((id) => id === rule.id))
    : program.checklist;
  const epic = isEpic ? await epicRollup(view, viewer.asUser, issueKey, cycles, failing.size) : null;
  const cycle = cycles.find((c) => c.keys.includes(issueKey));
  // The chain reaches past the trail (an epic's children's prerequisites): by project permission.
  const forecast = await issueForecast(view, issueKey, isEpic, inProjects);
  return {
    issue: { key: issueKey, summary, team: self?.team ?? item?.team ?? null, kind: item?.kind ?? 'other' },
    upstream: up.steps.map(entry),
    downstream: down.steps.map(entry),
    inCycle: (self?.inCycle ?? false) || (epic?.cycles.length ?? 0) > 0,
    cycleWith: (cycle?.keys ?? []).filter((k) => k !== issueKey && canSee(k)),
    cyclePath: visibleCyclePath(cycle?.path ?? [], canSee, issueKey),
    critical: self?.critical ?? program.criticalPath.keys.includes(issueKey),
    readiness: item
      ? {
          ready: item.ready,
          score: item.score,
          rules: checklist.map((rule) => ({
            id: rule.id,
            pass: !failing.has(rule.id),
            reason: redactKeys(view, failing.get(rule.id) ?? rule.passReason),
            required: rule.required,
            weight: rule.weight,
          })),
        }
      : null,
    epic,
    forecast,
    impediments: {
      blocks: blocking.blocks.filter(canSee),
      blockedBy: blocking.blockedBy.filter(canSee),
    },
    badge: {
      // An epic also carries its children's conflicts, as its MetaScrum panel row counts them.
      conflicts:
        direct.filter((e) => e.status === 'conflict').length +
        (epic?.conflicts.filter((c) => c.child !== issueKey).length ?? 0),
      // Open impediments block it as much as open prerequisites do (its readiness says so too).
      blockers: direct.filter((e) => e.to === issueKey).length + blocking.blockedBy.filter(canSee).length,
    },
    hiddenIssueCount: new Set([
      ...up.hidden,
      ...down.hidden,
      ...[...blocking.blocks, ...blocking.blockedBy].filter((k) => !canSee(k)),
    ]).size,
    snapshot: view.snapshot,
    analysis: view.analysis,
  };
}
