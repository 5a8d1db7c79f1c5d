/**
 * The JavaScript each page downloads, gzipped, read from the production build's manifest
 * (frontend/dist/.vite/manifest.json) against the budget in frontend/bundle-budget.json. One computation for the
 * bundle-budget check and the benchmark's report.
 *
 * A page's JavaScript is the app's entry chunk with everything it imports statically, plus the lazily loaded
 * modules the page asks for (by source path, or a package name for a dependency's chunk) with their imports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

type Chunk = { file: string; isEntry?: boolean; imports?: string[] };
type Budget = Record<string, { maxGzipBytes: number; lazy: string[] }>;

export type PageSize = { page: string; gzipBytes: number; maxGzipBytes: number; chunks: number };

export function pageSizes(repoRoot: string): PageSize[] {
  const dist = path.join(repoRoot, 'frontend/dist');
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
  const budget = JSON.parse(fs.readFileSync(path.join(repoRoot, 'frontend/bundle-budget.json'), 'utf8')) as Budget;

  const withImports = (key: string, into: Set<string>): Set<string> => {
    if (into.has(key)) return into;
    into.add(key);
    for (const imported of manifest[key]?.imports ?? []) withImports(imported, into);
    return into;
  };
  const lazyChunk = (name: string): string => {
    const key = Object.keys(manifest).find((candidate) => candidate === name || candidate.startsWith(`_${name}`));
    if (!key) throw new Error(`bundle budget: no chunk for "${name}" in the build (renamed or no longer lazy?)`);
    return key;
  };
  const gzipped = (file: string) => gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;

  return Object.entries(budget).map(([page, { maxGzipBytes, lazy }]) => {
    const keys = withImports(entry, new Set());
    for (const name of lazy) withImports(lazyChunk(name), keys);
    const gzipBytes = [...keys].reduce((sum, key) => sum + gzipped(manifest[key]!.file), 0);
    return { page, gzipBytes, maxGzipBytes, chunks: keys.size };
  });
}

export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
