/**
 * Reads what the UI needs from `view.getContext()`. The extension object is untyped (`any`) in
 * @forge/bridge, so every field is checked here and the rest of the UI sees one typed union.
 */
import type { FullContext } from '@forge/bridge';
import type { GadgetConfig } from '../../src/shared/contract';

export type ModuleView =
  | { kind: 'panel'; projectKey: string | undefined }
  | { kind: 'dependencies'; issueKey: string }
  | { kind: 'gadget'; config: GadgetConfig; editing: boolean }
  | { kind: 'admin' }
  | { kind: 'unsupported'; reason: string };

/** The module keys of manifest.yml; a view per module. */
export const MODULE_KEYS = {
  panel: 'metascrum-panel',
  dependencies: 'metascrum-dependencies',
  gadget: 'metascrum-cpo-gadget',
  admin: 'metascrum-admin',
} as const;

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value))
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

type Section = NonNullable<GadgetConfig['sections']>[number];
export const GADGET_SECTIONS: ReadonlyArray<{ id: Section; label: string }> = [
  { id: 'now', label: 'Where are we now (horizons, readiness)' },
  { id: 'going', label: 'Where are we going (top-ranked epics)' },
  { id: 'stopping', label: 'What is stopping us (matrix, cycles, impediments)' },
  { id: 'cadence', label: 'MetaScrum cadence advice' },
];
const isSection = (value: unknown): value is Section => GADGET_SECTIONS.some((s) => s.id === value);

/** Gadget config is whatever the edit form last submitted: keep only well-formed fields. */
export function readGadgetConfig(value: unknown): GadgetConfig {
  const raw = record(value) ?? {};
  const config: GadgetConfig = {};
  const title = text(raw.title);
  if (title) config.title = title;
  if (Array.isArray(raw.projectKeys)) {
    config.projectKeys = raw.projectKeys.filter((key): key is string => typeof key === 'string');
  }
  if (Array.isArray(raw.sections)) config.sections = raw.sections.filter(isSection);
  if (
    typeof raw.refreshMinutes === 'number' &&
    Number.isInteger(raw.refreshMinutes) &&
    raw.refreshMinutes >= 0
  )
    config.refreshMinutes = Math.min(raw.refreshMinutes, 1440);
  // The resolver checks it names a program; a gadget saved before several programs shows `default`.
  const programId = text(raw.programId);
  if (programId) config.programId = programId;
  return config;
}

export function moduleViewFor(context: Pick<FullContext, 'moduleKey' | 'extension'>): ModuleView {
  const extension = record(context.extension) ?? {};
  switch (context.moduleKey) {
    case MODULE_KEYS.panel:
      return { kind: 'panel', projectKey: text(record(extension.project)?.key) };
    case MODULE_KEYS.dependencies: {
      const issueKey = text(record(extension.issue)?.key);
      return issueKey
        ? { kind: 'dependencies', issueKey }
        : { kind: 'unsupported', reason: 'Jira did not say which issue this panel belongs to.' };
    }
    case MODULE_KEYS.gadget:
      return {
        kind: 'gadget',
        config: readGadgetConfig(extension.gadgetConfiguration),
        editing: extension.entryPoint === 'edit',
      };
    case MODULE_KEYS.admin:
      return { kind: 'admin' };
    default:
      return {
        kind: 'unsupported',
        reason: `This app has no view for the module "${String(context.moduleKey)}".`,
      };
  }
}
