import * as barrel from '../../src/index';
import { readManifest } from './manifest-file';

function manifestHandlers(): string[] {
  return readManifest()
    .modules.function.map((f) => {
      const [file, name] = f.handler.split('.');
      expect(file).toBe('index');
      return name ?? '';
    })
    .sort();
}

describe('src/index.ts, the handler barrel', () => {
  it('exports every handler the manifest names', () => {
    const exported = new Set(Object.keys(barrel));
    expect(manifestHandlers().filter((h) => !exported.has(h))).toEqual([]);
  });

  it('exports nothing the manifest does not name', () => {
    const named = new Set(manifestHandlers());
    expect(Object.keys(barrel).filter((e) => !named.has(e))).toEqual([]);
  });

  it('exports functions only', () => {
    for (const value of Object.values(barrel)) expect(typeof value).toBe('function');
  });
});
