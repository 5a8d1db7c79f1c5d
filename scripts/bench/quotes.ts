/**
 * The docs quote benchmark figures only through generated tables. docs/benchmarks.md keeps each section's headlines
 * as a comment under its run line; a doc asks for them with a block
 *
 *   <!-- bench-quote: glass-to-glass watch-first-frame -->   (benchmark names, or `all`)
 *   <!-- /bench-quote -->
 *
 * whose inside `renderQuotes` rewrites: one row per headline, with its same-run reference and the section's run.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import type { Headline } from './context.ts';

export type BenchSection = { name: string; heading: string; run: string; void: boolean; headlines: Headline[] };

const HEADLINES = /^<!-- headlines (\S+) (\[.*\]) -->$/m;
const BLOCK = /(<!-- bench-quote: ([\w\s-]+?) -->\n)[\s\S]*?(<!-- \/bench-quote -->)/g;

/** The comment bench.ts writes under a section's run line. */
export function headlinesComment(name: string, headlines: Headline[]): string {
  const json = JSON.stringify(headlines);
  if (json.includes('-->')) throw new Error(`a headline of ${name} contains "-->"`);
  return `<!-- headlines ${name} ${json} -->`;
}

export function parseBenchmarks(markdown: string): BenchSection[] {
  return markdown
    .split(/\n(?=## )/)
    .slice(1)
    .flatMap((text) => {
      const found = HEADLINES.exec(text);
      if (!found) return [];
      const run = /^_Run (\d{4}-\d\d-\d\d) \d\d:\d\d UTC · commit (\S+)[^_]*load average ([\d.]+) at start/m.exec(text);
      return [
        {
          name: found[1]!,
          heading: text.split('\n')[0]!.replace(/^## /, ''),
          run: run ? `${run[1]}, ${run[2]}, load ${run[3]}` : 'unknown run',
          void: text.includes('**Void:'),
          headlines: JSON.parse(found[2]!) as Headline[],
        },
      ];
    });
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(sections: BenchSection[], benchmarksLink: string): string {
  const rows = sections.flatMap((section) =>
    section.headlines.map(
      (headline) =>
        `| [${cell(headline.measure)}](${benchmarksLink}#${anchorOf(section.heading)}) | ${cell(headline.figure)} | ${cell(headline.reference)} | ${section.void ? '**void** (busy machine)' : section.run} |`,
    ),
  );
  return ['| What | Measured | Reference, same run | Run |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** A doc with its quote blocks filled from the sections, formatted as `pnpm format` would. */
export async function renderQuotes(file: string, text: string, sections: BenchSection[], benchmarksFile: string) {
  const link = path.relative(path.dirname(file), benchmarksFile);
  const filled = text.replace(BLOCK, (_whole, open: string, names: string, close: string) => {
    const wanted = names.trim().split(/\s+/);
    const chosen = wanted.includes('all') ? sections : wanted.map((name) => sections.find((section) => section.name === name));
    const missing = wanted.filter((name, index) => name !== 'all' && !chosen[index]);
    if (missing.length) throw new Error(`${file} quotes ${missing.join(', ')}, which docs/benchmarks.md has no headlines of`);
    return `${open}\n${table(chosen as BenchSection[], link)}\n\n${close}`;
  });
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(filled, { ...options, filepath: file });
}

/** Markdown files that may hold quote blocks: the README and docs/ (not benchmarks.md itself). */
export function quotingDocs(repoRoot: string): string[] {
  const docs = fs
    .readdirSync(path.join(repoRoot, 'docs'))
    .filter((file) => file.endsWith('.md') && file !== 'benchmarks.md')
    .map((file) => path.join(repoRoot, 'docs', file));
  return [path.join(repoRoot, 'README.md'), ...docs].filter((file) =>
    fs.readFileSync(file, 'utf8').includes('<!-- bench-quote:'),
  );
}
