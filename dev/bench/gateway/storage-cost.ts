/**
 * What the program costs in Forge storage, measured on the Forge double's quota meter: write units of a
 * full build (snapshot + analysis, as the consumer runs them), of an incremental refresh after 100 issues
 * changed, read units of the largest view (a board page, an issue panel, the gadget), and what an hourly
 * sync costs per month at Forge's published prices (README "Storage design and quota budget").
 */
import { resolver } from '../../../src/index';
import { computeAnalysis } from '../../../src/services/analysis/compute-analysis';
import type { ForgeRuntimeDouble } from '../../../test/doubles/forge-runtime';

/** Forge platform pricing (developer.atlassian.com "Forge platform pricing", 2026): USD per GB beyond the free allowance. */
export const FORGE_PRICES = {
  kvsWriteUsdPerGb: 1.09,
  kvsReadUsdPerGb: 0.055,
  /** Monthly free allowance of each, in GB. */
  freeGb: 0.1,
} as const;
const UNIT_GB = (10 * 1024) / 1e9;

export interface StorageCost {
  kvsWriteUnitsFullBuild: number;
  kvsWriteUnitsIncremental: number;
  kvsReadUnitsPerView: number;
  usdPerMonthHourlySync: number;
}

/** Units the app spends while `work` runs. */
export async function unitsSpent(forge: ForgeRuntimeDouble, work: () => Promise<unknown>) {
  const before = { ...forge.kvsUsage };
  await work();
  return {
    read: forge.kvsUsage.readUnits - before.readUnits,
    write: forge.kvsUsage.writeUnits - before.writeUnits,
  };
}

export function analyse(forge: ForgeRuntimeDouble): Promise<unknown> {
  return forge.runAsApp(() => computeAnalysis(Date.now()));
}

/** Read units of the most expensive of the three views a user opens most. */
export async function readUnitsPerView(forge: ForgeRuntimeDouble, issueKey: string): Promise<number> {
  const views = [
    { functionKey: 'panel/getBoard', payload: { page: 1, pageSize: 50 } },
    { functionKey: 'issue/getContext', payload: { issueKey } },
    { functionKey: 'gadget/getSteering', payload: { config: {} } },
  ];
  let largest = 0;
  for (const call of views) {
    const context = { moduleKey: 'bench', accountId: 'admin', extension: { type: 'jira:projectPage' } };
    // Twice: the first call also warms the per-user caches (browsable projects) a user's session keeps.
    await forge.invoke(resolver, call, { accountId: 'admin', context });
    const { read } = await unitsSpent(forge, async () => {
      const reply = await forge.invoke(resolver, call, { accountId: 'admin', context });
      if (typeof reply !== 'object' || reply === null || !('ok' in reply) || reply.ok !== true)
        throw new Error(`${call.functionKey} failed: ${JSON.stringify(reply).slice(0, 300)}`);
    });
    largest = Math.max(largest, read);
  }
  return largest;
}

/**
 * An hourly incremental refresh with 1% of the issues changed each hour plus a daily full build, for
 * 30 days, priced beyond the free allowance. The hour's refresh is scaled from the measured 100-issue
 * one, but never above what it can write: every chunk and the analysis (a full build's writes) plus one
 * event note per changed issue.
 */
export function usdPerMonth(issues: number, fullBuild: number, incremental100: number): number {
  const changedPerHour = issues / 100;
  const scaled = (changedPerHour / 100) * incremental100;
  const perHour = Math.max(1, Math.round(Math.min(scaled, fullBuild + changedPerHour)));
  const writeUnits = 30 * (24 * perHour + fullBuild);
  const writeGb = writeUnits * UNIT_GB;
  const usd = Math.max(0, writeGb - FORGE_PRICES.freeGb) * FORGE_PRICES.kvsWriteUsdPerGb;
  return Math.round(usd * 100) / 100;
}
