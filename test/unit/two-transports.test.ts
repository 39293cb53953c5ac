import { demoProgram, startEmulator, type RunningEmulator } from '../../dev/emulator';
import { JiraClient } from '../../src/jira/client';
import { JiraForbidden } from '../../src/jira/errors';
import { forgeTransport } from '../../src/jira/forge-transport';
import { httpTransport } from '../../src/jira/http-transport';
import { getMyself, listBrowsableProjects } from '../../src/jira/reads';
import { projectIn } from '../../src/jira/jql';
import { searchIssues } from '../../src/jira/search';
import { installForgeRuntime, type ForgeRuntimeDouble } from '../doubles/forge-runtime';

/** Nothing above the JiraClient knows which transport runs: the same reads give the same answers. */
describe('one Jira client over the Forge and the HTTP transports', () => {
  let emulator: RunningEmulator;
  let forge: ForgeRuntimeDouble;
  beforeAll(async () => {
    emulator = await startEmulator({ dataset: demoProgram(), port: 0 });
    forge = installForgeRuntime({ jiraBaseUrl: emulator.url });
  });
  afterAll(async () => {
    forge.uninstall();
    await emulator.close();
  });

  const basicAs = (accountId: string) =>
    new JiraClient(
      httpTransport({
        baseUrl: emulator.url,
        auth: { kind: 'basic', email: `${accountId}@metascrum-demo.example`, apiToken: 'token' },
      }),
    );

  it('reads the same program as the app through either transport', async () => {
    const jql = `${projectIn(['PAY', 'MOB'])} ORDER BY Rank ASC`;
    const fields = ['summary', 'status', 'project', 'issuetype', 'parent', 'issuelinks'];
    const viaHttp = await searchIssues(
      new JiraClient(httpTransport({ baseUrl: emulator.url, auth: { kind: 'bearer', token: 'app' } })),
      jql,
      fields,
    );
    const viaForge = await forge.runAsApp(() =>
      searchIssues(new JiraClient(forgeTransport('app')), jql, fields),
    );
    expect(viaHttp.length).toBeGreaterThan(100);
    expect(viaForge).toEqual(viaHttp);
  });

  it('acts as the API token’s owner over HTTP, with that user’s permissions', async () => {
    const client = basicAs('po-pay');
    await expect(getMyself(client)).resolves.toMatchObject({ accountId: 'po-pay' });
    expect((await listBrowsableProjects(client)).map((p) => p.key).sort()).toEqual(['CHK', 'PAY']);
  });

  it('acts as the invoking user through Forge, with that user’s permissions', async () => {
    const projects = await forge.invoke(
      () => listBrowsableProjects(new JiraClient(forgeTransport('user'))),
      { functionKey: 'x', payload: {} },
      { accountId: 'dev-mob', context: { moduleKey: 'test', extension: { type: 'jira:projectPage' } } },
    );
    expect(projects).toEqual([expect.objectContaining({ key: 'MOB' })]);
  });

  it('turns a wrong API token into JiraForbidden', async () => {
    const client = new JiraClient(
      httpTransport({
        baseUrl: emulator.url,
        auth: { kind: 'basic', email: 'cpo@metascrum-demo.example', apiToken: 'wrong' },
      }),
    );
    await expect(getMyself(client)).rejects.toBeInstanceOf(JiraForbidden);
  });
});
