import { clock } from '../clock';
import { recordDailySummary } from '../services/history/record-daily-summary';
import { forEachProgram } from '../services/programs/each-program';

/**
 * The daily scheduled trigger: keeps today's program summary from the stored analysis when no analysis
 * ran yet today (the consumer records it after the first analysis of a day). Reads storage only.
 */
export async function onDailyHistory(): Promise<void> {
  await forEachProgram('history-daily', async (program) => {
    const outcome = await recordDailySummary(clock());
    console.log(JSON.stringify({ event: 'history-daily', programId: program.id, ...outcome }));
  });
}
