/**
 * The Escalation level field's options follow a ladder rename: each context's option that carries the
 * old name is renamed in place, so the issues holding it (kept by option id) show the new name and the
 * field accepts it on the next move. What cannot be renamed is reported by field, context and option.
 */
import type { LevelRename } from '../../domain/impediments/ladder-levels';
import type { JiraClient } from '../../jira/client';
import {
  listContextOptions,
  listFieldContexts,
  updateContextOptions,
} from '../../jira/impediment-field-requests';

export interface OptionRenameReport {
  renamed: string[];
  failed: string[];
}

export async function renameLevelOptions(
  asApp: JiraClient,
  fieldId: string | undefined,
  renames: readonly LevelRename[],
): Promise<OptionRenameReport> {
  const report: OptionRenameReport = { renamed: [], failed: [] };
  if (renames.length === 0 || fieldId === undefined) return report;
  try {
    for (const context of await listFieldContexts(asApp, fieldId)) {
      const options = await listContextOptions(asApp, fieldId, context.id);
      const updates = renames.flatMap((r) => {
        const option = options.find((o) => o.value === r.from);
        // The new name already being an option (added by hand or by provisioning) is left as it is.
        if (!option || options.some((o) => o.value === r.to)) return [];
        return [{ id: option.id, value: r.to, from: r.from }];
      });
      if (updates.length === 0) continue;
      await updateContextOptions(asApp, fieldId, context.id, updates);
      report.renamed.push(...updates.map((u) => `"${u.from}" → "${u.value}"`));
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    report.failed.push(
      `renaming the Escalation level options ${renames.map((r) => `"${r.from}" → "${r.to}"`).join(', ')} failed (${reason}); the app still reads the old names as the renamed levels, and saving again retries`,
    );
  }
  return report;
}
