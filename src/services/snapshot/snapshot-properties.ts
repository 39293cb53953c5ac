/**
 * The issue properties the snapshot keeps with each issue: the impediments' escalation history, so that
 * the analysis measures days at a level from the move that set it (not from creation) and counts recent
 * escalations, exactly as the issue's own impediment section does.
 */
import { readProgramConfig } from '../../storage/program-config';

export async function propertiesToRequest(): Promise<string[]> {
  return [(await readProgramConfig()).impediments.historyProperty];
}
