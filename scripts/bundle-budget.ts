/**
 * `pnpm bundle-budget` (and a check in `pnpm test`, after the frontend build): the JavaScript each page downloads,
 * gzipped, against the budget committed in frontend/bundle-budget.json. Deterministic — the same sources give the
 * same bytes — so the watch page cannot grow unnoticed, unlike a timed test.
 *
 * A page's JavaScript is the app's entry chunk with everything it imports statically, plus the lazily loaded
 * modules the page asks for (by source path, or a package name for a dependency's chunk) with their imports.
 * Reads the build's manifest (frontend/dist/.vite/manifest.json).
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from './stack/livekit.ts';

type Chunk = { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] };
type Budget = Record<string, { maxGzipBytes: number; lazy: string[] }>;

const dist = path.join(REPO_ROOT, 'frontend/dist');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
const budget = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'frontend/bundle-budget.json'), 'utf8')) as Budget;

function withImports(key: string, into: Set<string>): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  for (const imported of manifest[key]?.imports ?? []) withImports(imported, into);
  return into;
}

/** A lazy module by its source path, or the chunk of a dependency by its package name. */
function lazyChunk(name: string): string {
  const key = Object.keys(manifest).find((candidate) => candidate === name || candidate.startsWith(`_${name}`));
  if (!key) throw new Error(`bundle budget: no chunk for "${name}" in the build (renamed or no longer lazy?)`);
  return key;
}

const gzipped = (file: string) => gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

let over = 0;
for (const [page, { maxGzipBytes, lazy }] of Object.entries(budget)) {
  const keys = new Set<string>();
  withImports(entry, keys);
  for (const name of lazy) withImports(lazyChunk(name), keys);
  const bytes = [...keys].reduce((sum, key) => sum + gzipped(manifest[key]!.file), 0);
  const verdict = bytes <= maxGzipBytes ? 'within' : 'OVER';
  if (bytes > maxGzipBytes) over += 1;
  console.log(
    `${page.padEnd(8)} ${kb(bytes).padStart(9)} gzipped in ${keys.size} chunks — ${verdict} the budget of ${kb(maxGzipBytes)}`,
  );
}
if (over) {
  console.error(
    'A page grew past its budget: make it smaller, or raise frontend/bundle-budget.json in the same change and say why.',
  );
  process.exit(1);
}
