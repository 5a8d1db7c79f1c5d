/**
 * What `pnpm test` prints when something failed: first the last lines of every service's log (where the cause
 * usually is), then what failed and why — last, so it is on screen (and in the last 100 lines of a CI log).
 */
import fs from 'node:fs';
import path from 'node:path';
import { keptLogs } from './stack/processes.ts';

export type FailedTest = { runner: string; name: string; message: string };

const LOG_TAIL_LINES = 12;
const MESSAGE_LINES = 6;
const MAX_LISTED = 10;
const WIDTH = 220;

// eslint-disable-next-line no-control-regex -- ANSI colour codes are control characters by definition
const ANSI = /\x1b\[[0-9;]*m/g;
const clip = (line: string) => {
  const plain = line.replace(ANSI, '');
  return plain.length > WIDTH ? `${plain.slice(0, WIDTH - 1)}…` : plain;
};

function tail(file: string, lines: number): string[] {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r');
  try {
    const length = Math.min(size, 64 * 1024);
    const buffer = Buffer.alloc(length);
    fs.readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8').split('\n').filter(Boolean).slice(-lines);
  } finally {
    fs.closeSync(fd);
  }
}

export function printFailureReport(options: { logsDir: string; reportsDir: string; failures: FailedTest[] }): void {
  const logs = keptLogs().sort();
  console.log(`\n════ Last lines of each service's log (whole files in ${path.relative(process.cwd(), options.logsDir)}/)`);
  for (const file of logs) {
    const lines = tail(file, LOG_TAIL_LINES);
    if (!lines.length) continue;
    console.log(`\n── ${path.basename(file)}`);
    for (const line of lines) console.log(`   ${clip(line)}`);
  }

  console.log(`\n════ What failed (reports: ${path.relative(process.cwd(), options.reportsDir)}/)`);
  for (const failure of options.failures.slice(0, MAX_LISTED)) {
    console.log(`\n✗ [${failure.runner}] ${clip(failure.name)}`);
    const message = failure.message.split('\n').filter((line) => line.trim());
    for (const line of message.slice(0, MESSAGE_LINES)) console.log(`    ${clip(line)}`);
  }
  if (options.failures.length > MAX_LISTED) console.log(`\n… and ${options.failures.length - MAX_LISTED} more`);
}
