import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';

/** Clock ticks per second, the unit of /proc/<pid>/stat's CPU times. */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU time (user + system, in seconds) a process has used so far. */
export function cpuSeconds(pid: number): number {
  // The command name may hold spaces or parentheses: the fields after it start at the last ") ".
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** A process and all its descendants (e.g. PostgreSQL's postmaster and its per-connection backends). */
export function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((task) =>
        fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
      );
  } catch {
    // The process ended.
  }
  return [pid, ...children.flatMap(processTree)];
}

/** CPU time a group of processes used so far; ones that ended in between count as nothing. */
function groupCpuSeconds(pids: number[]): Map<number, number> {
  const times = new Map<number, number>();
  for (const pid of pids) {
    try {
      times.set(pid, cpuSeconds(pid));
    } catch {
      // ended
    }
  }
  return times;
}

/** Resident memory of a process, in bytes. */
export function residentBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? NaN) * 1024;
}

/**
 * Cores each group of processes keeps busy while `work` runs: CPU seconds used divided by wall seconds. A group is
 * a process and its descendants at the start (e.g. PostgreSQL's per-connection backends).
 */
export async function coresDuring<T>(
  groups: number[],
  work: () => Promise<T>,
): Promise<{ result: T; cores: number[]; seconds: number }> {
  const trees = groups.map(processTree);
  const before = trees.map(groupCpuSeconds);
  const startedAt = performance.now();
  const result = await work();
  const seconds = (performance.now() - startedAt) / 1000;
  const cores = trees.map((tree, index) => {
    const after = groupCpuSeconds(tree);
    let used = 0;
    for (const [pid, start] of before[index]!) used += (after.get(pid) ?? start) - start;
    return used / seconds;
  });
  return { result, cores, seconds };
}

/** Cores of this machine left idle over `ms` (from /proc/stat): what other work on a shared machine leaves free. */
export async function idleCores(ms: number): Promise<number> {
  const read = () => {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3]! + fields[4]!;
    return { idle, total: fields.reduce((sum, value) => sum + value, 0) };
  };
  const before = read();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = read();
  return ((after.idle - before.idle) / (after.total - before.total)) * os.cpus().length;
}
