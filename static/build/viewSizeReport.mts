/**
 * Vite plugin: prints, per view, the gzip size of the JS a module downloads before it can render
 * (entry + the view's chunk + every chunk they import statically), and fails the build when one is over
 * the budget.
 */
import type { Plugin } from 'vite';

interface ChunkInfo {
  code: string;
  imports: string[];
  dynamicImports: string[];
}

async function gzipSize(code: string): Promise<number> {
  const stream = new Blob([code]).stream().pipeThrough(new CompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

function closure(start: string, chunks: Map<string, ChunkInfo>, seen = new Set<string>()): Set<string> {
  if (seen.has(start)) return seen;
  seen.add(start);
  for (const next of chunks.get(start)?.imports ?? []) closure(next, chunks, seen);
  return seen;
}

export function viewSizeReport(budgetKb: number): Plugin {
  return {
    name: 'metascrum-view-size-report',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkInfo>();
      let entry: string | undefined;
      const views: { name: string; file: string }[] = [];
      for (const [file, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        chunks.set(file, {
          code: output.code,
          imports: output.imports,
          dynamicImports: output.dynamicImports,
        });
        if (output.isEntry) entry = file;
        if (output.isDynamicEntry && output.facadeModuleId?.includes('/views/'))
          views.push({ name: output.name, file });
      }
      if (!entry) return;
      const sizes = new Map<string, number>();
      for (const [file, chunk] of chunks) sizes.set(file, await gzipSize(chunk.code));
      const entryFiles = closure(entry, chunks);
      const kb = (files: Set<string>) => [...files].reduce((sum, f) => sum + (sizes.get(f) ?? 0), 0) / 1024;
      // A module's view is what the entry imports lazily; a view's own lazy views (a project subpage, the
      // dependency map) download only when opened, so they are reported as an addition. A subpage's initial
      // JS is its host's plus its own, and that sum is what the budget holds.
      const moduleViews = new Set(chunks.get(entry)?.dynamicImports ?? []);
      const over: string[] = [];
      const check = (name: string, total: number) => {
        if (total > budgetKb) over.push(`${name} ${total.toFixed(1)} KB`);
        return total > budgetKb ? `  (over the ${budgetKb} KB budget)` : '';
      };
      const lines = views.flatMap(({ name, file }) => {
        if (!moduleViews.has(file)) return [];
        const files = closure(file, chunks, new Set(entryFiles));
        const total = kb(files);
        const extras = (chunks.get(file)?.dynamicImports ?? []).flatMap((lazy) => {
          const owner = views.find((v) => v.file === lazy);
          if (!owner) return [];
          const opened = kb(closure(lazy, chunks, new Set(files)));
          const flag = check(`${name} + ${owner.name}`, opened);
          return [
            `${owner.name} +${(opened - total).toFixed(1)} KB when opened = ${opened.toFixed(1)} KB${flag}`,
          ];
        });
        const flag = check(name, total);
        return [
          `  ${name.padEnd(18)} ${total.toFixed(1).padStart(7)} KB gzip${flag}${extras.length ? `  [${extras.join(', ')}]` : ''}`,
        ];
      });
      this.info(`initial JS per view (entry + view + static imports):\n${lines.join('\n')}`);
      if (over.length > 0)
        this.error(
          `initial JS over the ${budgetKb} KB gzip budget: ${over.join('; ')}. Lazy-load what is not on the first screen.`,
        );
    },
  };
}
