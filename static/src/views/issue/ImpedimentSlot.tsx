/**
 * MOUNT POINT for the impediment section (issue 6). The impediment engineer provides
 * `static/src/views/issue/impediment/ImpedimentSection.tsx` exporting
 * `ImpedimentSection({ issueKey }: { issueKey: string })`: its escalation level, owner, history and age
 * against the SLA, with escalate / de-escalate / resolve. When that file lands, render it here:
 *
 *   import { ImpedimentSection } from './impediment/ImpedimentSection';
 *   return <ImpedimentSection issueKey={issueKey} />;
 *
 * Until then this renders nothing, so the panel never imports a file that does not exist.
 */
export function ImpedimentSlot({ issueKey: _issueKey }: { issueKey: string }) {
  return null;
}
