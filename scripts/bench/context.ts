/** What every benchmark gets: the running backend (serving the built frontend) and the stack's environment. */
export type BenchContext = {
  baseUrl: string;
  /** DATABASE_URL, LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET of the running stack. */
  env: Record<string, string>;
  repoRoot: string;
  /** Process ids of the backend, livekit-server and PostgreSQL's postmaster, to read CPU time and memory from /proc. */
  backendPid: number;
  livekitPid: number;
  postgresPid: number;
};

/** Percentile of already-sorted numbers (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}
