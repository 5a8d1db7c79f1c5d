import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as contract from '@streamhouse/contract';

const sourceRoot = path.resolve(import.meta.dirname, '..');

function tsxFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [full] : [];
  });
}

/** Every text limit a form sets: `maxLength={…}` on any field, `max={…}` on a TextAreaField (its counter). */
function formLimits(source: string): string[] {
  const limits = [...source.matchAll(/maxLength=\{([^}]*)\}/g)].map((match) => match[1]!.trim());
  for (const field of source.matchAll(/<TextAreaField\b[\s\S]*?\/>/g)) {
    const max = /\bmax=\{([^}]*)\}/.exec(field[0]);
    if (max) limits.push(max[1]!.trim());
  }
  return limits;
}

describe('text limits in forms', () => {
  it('are the contract’s own constants, so a field never lets in more (or less) than the server accepts', () => {
    const drifted = tsxFiles(sourceRoot).flatMap((file) =>
      formLimits(fs.readFileSync(file, 'utf8'))
        .filter((limit) => typeof (contract as Record<string, unknown>)[limit] !== 'number')
        .map((limit) => `${path.relative(sourceRoot, file)}: ${limit}`),
    );
    expect(drifted).toEqual([]);
  });

  it('finds the forms it checks', () => {
    const checked = tsxFiles(sourceRoot).filter((file) => formLimits(fs.readFileSync(file, 'utf8')).length > 0);
    expect(checked.map((file) => path.basename(file))).toEqual(
      expect.arrayContaining(['schedule-form.tsx', 'stream-info-form.tsx', 'profile-settings-form.tsx', 'search-box.tsx']),
    );
  });
});
