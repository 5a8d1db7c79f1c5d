/**
 * The process-wide "shutting down" state: set once on SIGTERM, read by the readiness probe (which then answers
 * 503 so balancers stop sending traffic) and by long-lived responses that must end with a hint to reconnect.
 */
let shuttingDown = false;
const hooks = new Set<() => void>();

export function isShuttingDown(): boolean {
  return shuttingDown;
}

export function beginShutdown(): void {
  shuttingDown = true;
}

/** Runs `hook` when open connections are about to be closed; returns the function that unregisters it. */
export function onConnectionsClosing(hook: () => void): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

export function closeConnections(): void {
  for (const hook of [...hooks]) hook();
  hooks.clear();
}
