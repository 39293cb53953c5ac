/** An emulator with a chosen site (fresh, provisioned, clashing) and the Forge double, for provisioning. */
import {
  demoProgram,
  startEmulator,
  type Dataset,
  type Exchange,
  type RunningEmulator,
} from '../../dev/emulator';
import { installForgeRuntime, type ForgeRuntimeDouble } from '../doubles/forge-runtime';

export interface SiteHarness {
  emulator: RunningEmulator;
  forge: ForgeRuntimeDouble;
  exchanges: Exchange[];
  /** Writes the app sent (POST/PUT/DELETE), as `METHOD path`. */
  writes(): string[];
  close(): Promise<void>;
}

const IMPEDIMENT_TYPE = '10005';
const LEVEL_FIELD = 'customfield_10060';

/** The demo site before the app: no Impediment type, no level field, no impediments. */
export function freshSite(): Dataset {
  const demo = demoProgram();
  const impediments = new Set(
    demo.issues.filter((i) => i.fields.issuetype.id === IMPEDIMENT_TYPE).map((i) => i.key),
  );
  return {
    ...demo,
    issues: demo.issues
      .filter((i) => !impediments.has(i.key))
      .map((i) => ({
        ...i,
        fields: {
          ...i.fields,
          issuelinks: (i.fields.issuelinks ?? []).filter(
            (l) => !impediments.has(l.inwardIssue?.key ?? '') && !impediments.has(l.outwardIssue?.key ?? ''),
          ),
        },
      })),
    issueTypes: demo.issueTypes.filter((t) => t.id !== IMPEDIMENT_TYPE),
    fields: demo.fields.filter((f) => f.id !== LEVEL_FIELD),
    fieldContexts: [],
    issueProperties: {},
  };
}

/** Adds a team-managed project LAB with its own "Impediment" type, and a PAY-only issue type scheme. */
export function withTeamManagedAndScheme(site: Dataset): Dataset {
  return {
    ...site,
    projects: [...site.projects, { id: '10099', key: 'LAB', name: 'Lab', style: 'next-gen' }],
    issueTypes: [
      ...site.issueTypes,
      { id: '10400', name: 'Impediment', hierarchyLevel: 0, scopeProjectId: '10099' },
    ],
    issueTypeSchemes: [
      {
        id: '10300',
        name: 'Payments scheme',
        issueTypeIds: ['10000', '10001', '10002'],
        projectIds: ['10001'],
      },
    ],
  };
}

export async function startSite(dataset: Dataset): Promise<SiteHarness> {
  const exchanges: Exchange[] = [];
  const emulator = await startEmulator({ dataset, onExchange: (ex) => exchanges.push(ex) });
  const forge = installForgeRuntime({ jiraBaseUrl: emulator.url });
  return {
    emulator,
    forge,
    exchanges,
    writes: () => exchanges.filter((e) => e.method !== 'GET').map((e) => `${e.method} ${e.path}`),
    async close() {
      forge.uninstall();
      await emulator.close();
    },
  };
}
