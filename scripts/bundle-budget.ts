/**
 * `pnpm bundle-budget` (and a check in `pnpm test`, after the frontend build): the JavaScript each page downloads,
 * gzipped, against the budget committed in frontend/bundle-budget.json (scripts/bundle/page-sizes.ts measures it).
 * Deterministic — the same sources give the same bytes — so the watch page cannot grow unnoticed, unlike a timed test.
 */
import { REPO_ROOT } from './stack/livekit.ts';
import { kilobytes, pageSizes } from './bundle/page-sizes.ts';

let over = 0;
for (const { page, gzipBytes, maxGzipBytes, chunks } of pageSizes(REPO_ROOT)) {
  const verdict = gzipBytes <= maxGzipBytes ? 'within' : 'OVER';
  if (gzipBytes > maxGzipBytes) over += 1;
  console.log(
    `${page.padEnd(8)} ${kilobytes(gzipBytes).padStart(9)} gzipped in ${chunks} chunks — ${verdict} the budget of ${kilobytes(maxGzipBytes)}`,
  );
}
if (over) {
  console.error(
    'A page grew past its budget: make it smaller, or raise frontend/bundle-budget.json in the same change and say why.',
  );
  process.exit(1);
}
