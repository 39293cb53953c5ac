/** A new program's id: a slug of its name, made unique among the site's ids; stable once given. */
import type { Program } from '../../shared/contract/programs';

function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
  return slug === '' ? 'program' : slug;
}

export function uniqueProgramId(name: string, programs: readonly Program[]): string {
  const taken = new Set(programs.map((p) => p.id));
  const base = slugOf(name);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
