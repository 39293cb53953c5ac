/** The program's impediments read live from Jira (few enough per program for one search or two). */
import type { ImpedimentFacts } from '../../domain/impediments/impediment-records';
import type { JiraClient } from '../../jira/client';
import { searchImpediments } from '../../jira/impediment-search';
import type { ImpedimentSettings } from './impediment-context';
import { fieldsFor, impedimentFacts } from './impediment-facts';

export async function readProgramImpediments(
  client: JiraClient,
  projectKeys: readonly string[],
  settings: ImpedimentSettings,
  withRecentlyDone: boolean,
): Promise<ImpedimentFacts[]> {
  const fields = fieldsFor(settings);
  const query = { projectKeys, issueType: settings.issueType };
  const [open, done] = await Promise.all([
    searchImpediments(client, { ...query, scope: 'open' }, fields, settings.historyProperty),
    withRecentlyDone
      ? searchImpediments(
          client,
          { ...query, scope: 'recently-done', days: 35 },
          fields,
          settings.historyProperty,
        )
      : Promise.resolve([]),
  ]);
  return [...open, ...done].map((issue) => impedimentFacts(issue, settings));
}
