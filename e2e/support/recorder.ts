import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The test stack's recorder (LiveKit egress) from outside: the segments it has written for a creator, and killing
 * its handler process the way a crash or an out-of-memory kill would.
 */

/** HLS segments written so far for the creator's broadcasts (RECORDINGS_DIR/<creator id>/<session>/…ts). */
export function segmentsWritten(creatorId: string): number {
  const root = path.join(process.env.RECORDINGS_DIR!, creatorId);
  if (!fs.existsSync(root)) return 0;
  return fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts')).length;
}

/** kill -9 the egress handler recording the creator's room (its request, room name included, is on its command line). */
export function killRecorderOf(creatorId: string): void {
  execFileSync('pkill', ['-KILL', '-f', `egress run-handler .*${creatorId}`]);
}
