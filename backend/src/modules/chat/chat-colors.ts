import { createHash } from 'node:crypto';

/** Name colours readable on the chat's zinc-900 background (WCAG AA against #18181b). */
const NAME_COLORS = [
  '#f87171',
  '#fb923c',
  '#fbbf24',
  '#a3e635',
  '#4ade80',
  '#34d399',
  '#2dd4bf',
  '#22d3ee',
  '#38bdf8',
  '#818cf8',
  '#c084fc',
  '#f472b6',
] as const;

/** The same person always gets the same colour, in every room and on every backend instance. */
export function colorForIdentity(identity: string): string {
  const digest = createHash('sha256').update(identity).digest();
  return NAME_COLORS[digest.readUInt32BE(0) % NAME_COLORS.length]!;
}
