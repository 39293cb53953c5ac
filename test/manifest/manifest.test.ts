import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from '@forge/manifest';
import { z } from 'zod';
import { MODULE_KEYS } from '../../static/src/forgeContext';
import { PROJECT_ROUTES, projectRouteOf } from '../../static/src/projectRoutes';
import { readManifest, REPO_ROOT } from './manifest-file';

describe('manifest.yml', () => {
  const cwd = process.cwd();
  beforeAll(() => process.chdir(REPO_ROOT));
  afterAll(() => process.chdir(cwd));

  it('passes the full validation of @forge/manifest (needs the UI build: npm run build:ui)', async () => {
    expect(existsSync(join(REPO_ROOT, 'static', 'dist', 'index.html'))).toBe(true);
    const result = await validate(false);
    expect(result.errors).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('makes the validator refuse a manifest with a runtime Forge does not offer', async () => {
    const broken = readFileSync('manifest.yml', 'utf8').replace('nodejs22.x', 'nodejs12.x');
    const file = join(mkdtempSync(join(tmpdir(), 'manifest-')), 'manifest.yml');
    writeFileSync(file, broken);
    const result = await validate(false, file);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.errors)).toContain('nodejs12.x');
  });

  it('runs on nodejs22.x and declares the four surfaces, the triggers, the consumer and the schedule', () => {
    const manifest = readManifest();
    expect(manifest.app.runtime.name).toBe('nodejs22.x');
    expect(Object.keys(manifest.modules).sort()).toEqual(
      [
        'consumer',
        'function',
        'jira:adminPage',
        'jira:dashboardGadget',
        'jira:issueContext',
        'jira:projectPage',
        'scheduledTrigger',
        'trigger',
      ].sort(),
    );
    expect(JSON.stringify(manifest.modules)).not.toContain('jira:issueGlance');
  });

  it('declares the project page’s subpages, each a route the Custom UI shows', () => {
    const pages = z
      .array(z.looseObject({ key: z.string(), pages: z.array(z.looseObject({ route: z.string() })) }))
      .parse(readManifest().modules['jira:projectPage']);
    expect(pages.map((p) => p.key)).toEqual([MODULE_KEYS.panel]);
    const routes = pages[0]?.pages.map((p) => p.route) ?? [];
    expect(routes).toEqual([...PROJECT_ROUTES]);
    expect(routes.map((route) => projectRouteOf(`/${route}`))).toEqual(routes);
    expect(projectRouteOf('/')).toBe('backlog');
    expect(projectRouteOf('/impediments/')).toBe('impediments');
    expect(projectRouteOf('/no-such-page')).toBe('backlog');
  });

  it('asks for exactly the scopes the app uses', () => {
    expect(readManifest().permissions.scopes.sort()).toEqual(
      [
        'manage:jira-configuration',
        'read:board-scope:jira-software',
        'read:jira-user',
        'read:jira-work',
        'read:sprint:jira-software',
        'storage:app',
        'write:issue:jira-software',
        'write:jira-work',
      ].sort(),
    );
  });

  it('serves the Custom UI from the Vite build folder', () => {
    expect(readManifest().resources).toEqual([expect.objectContaining({ key: 'main', path: 'static/dist' })]);
  });
});
