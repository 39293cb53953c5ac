/**
 * The forecast basis a reorder preview runs on (domain/forecast/forecast-basis.ts): the stored one when
 * it fits, else one built from the snapshot and stored for the next clicks.
 *
 * It fits when it was built under the program's current config (its teams and forecast settings) and
 * from the snapshot the analysis is of, or, on a site whose snapshot changes every few minutes, when it is
 * at most {@link BASIS_REUSE_MS} old: a preview compares two orders on one basis, and a few minutes of
 * Jira changes move both columns alike. Without that window, every click on a busy site would read the
 * whole snapshot again.
 */
import { parseProgramConfig, type ProgramConfig } from '../../domain/config/program-config';
import { forecastBasis, type ForecastBasis } from '../../domain/forecast/forecast-basis';
import type { AnalysisManifest } from '../../storage/analysis-schema';
import { readForecastBasis, writeForecastBasis } from '../../storage/forecast-basis-store';
import { readStoredConfig } from '../../storage/program-config';
import { loadSnapshotModel } from '../analysis/snapshot-model';

export const BASIS_REUSE_MS = 5 * 60_000;

export interface PreviewBasis {
  basis: ForecastBasis;
  settings: ProgramConfig['forecast'];
  /** Whether it was read from storage (false: built from the snapshot by this call). */
  reused: boolean;
}

export async function previewBasis(
  now: number,
  analysis: AnalysisManifest,
): Promise<PreviewBasis | undefined> {
  const [stored, cached] = await Promise.all([readStoredConfig(), readForecastBasis()]);
  const settings = (stored?.config ?? parseProgramConfig({})).forecast;
  const configVersion = stored?.version ?? 0;
  if (cached) {
    const { meta, basis } = cached;
    const age = now - meta.builtAtMs;
    const fits =
      meta.configVersion === configVersion &&
      basis.sampleSprints === settings.sampleSprints &&
      basis.maxSprints === settings.maxSprints &&
      age >= 0 &&
      (meta.snapshotVersion === analysis.snapshotVersion || age <= BASIS_REUSE_MS);
    if (fits) return { basis, settings, reused: true };
  }
  const loaded = await loadSnapshotModel(now);
  if (!loaded) return undefined;
  const config = loaded.analyser.config;
  const basis = forecastBasis(loaded.model, { nowMs: now, settings: config.forecast });
  try {
    await writeForecastBasis(
      basis,
      { snapshotVersion: loaded.snapshot.version, configVersion: loaded.configVersion },
      cached?.meta,
    );
  } catch (error) {
    // Keeping it only saves the next click a read of the snapshot: this preview goes on without it.
    console.warn(
      JSON.stringify({
        event: 'forecast-basis-not-kept',
        reason: error instanceof Error ? error.message : String(error),
      }),
    );
  }
  return { basis, settings: config.forecast, reused: false };
}
