import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

export const REPO_ROOT = join(__dirname, '..', '..');

const ManifestSchema = z.looseObject({
  app: z.looseObject({ runtime: z.looseObject({ name: z.string() }) }),
  modules: z.looseObject({
    function: z.array(z.looseObject({ key: z.string(), handler: z.string() })),
  }),
  permissions: z.looseObject({ scopes: z.array(z.string()) }),
  resources: z.array(z.looseObject({ key: z.string(), path: z.string() })),
});

export function readManifest(): z.infer<typeof ManifestSchema> & { modules: Record<string, unknown> } {
  return ManifestSchema.parse(parse(readFileSync(join(REPO_ROOT, 'manifest.yml'), 'utf8')));
}
