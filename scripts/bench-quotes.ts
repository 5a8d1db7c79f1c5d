/**
 * `pnpm bench:quotes`: fills the README's and docs/'s `<!-- bench-quote: … -->` blocks from docs/benchmarks.md
 * (`pnpm bench` runs it after writing that file). `pnpm bench:quotes --check` (in `pnpm test`'s static checks)
 * fails when a doc quotes figures other than the ones benchmarks.md holds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './stack/livekit.ts';
import { parseBenchmarks, quotingDocs, renderQuotes } from './bench/quotes.ts';

const check = process.argv.includes('--check');
const benchmarksFile = path.join(REPO_ROOT, 'docs/benchmarks.md');
const sections = parseBenchmarks(fs.readFileSync(benchmarksFile, 'utf8'));

let stale = 0;
for (const file of quotingDocs(REPO_ROOT)) {
  const current = fs.readFileSync(file, 'utf8');
  const wanted = await renderQuotes(file, current, sections, benchmarksFile);
  if (wanted === current) continue;
  const name = path.relative(REPO_ROOT, file);
  if (check) {
    console.error(`${name} quotes figures that are not docs/benchmarks.md's: run \`pnpm bench:quotes\` and commit the result.`);
    stale += 1;
  } else {
    fs.writeFileSync(file, wanted);
    console.log(`Wrote ${name}`);
  }
}
process.exit(stale ? 1 : 0);
