import { ClockIcon } from '@/components/icons.tsx';
import type { IngressType } from '../api/stream-keys-api.ts';

/**
 * How far behind viewers see the creator, per way of sending: the glass-to-glass medians that `pnpm bench`
 * measures (docs/benchmarks.md, "Glass-to-glass latency per ingest path"), rounded up. Viewers' own network
 * distance comes on top. Update these when the benchmark moves.
 */
const DELAY: Record<IngressType, { short: string; sentence: string }> = {
  WHIP: { short: 'under 0.1 s', sentence: 'less than a tenth of a second' },
  RTMP: { short: 'about 0.3 s', sentence: 'about a third of a second' },
};

/** The delay as a small label, for choosing a protocol. */
export function DelayBadge({ type }: { type: IngressType }) {
  return (
    <span className="inline-flex w-fit items-center gap-1 rounded bg-zinc-800 px-1.5 py-0.5 text-xs font-medium text-zinc-300">
      <ClockIcon className="size-3.5" aria-hidden />
      Delay to viewers: {DELAY[type].short}
    </span>
  );
}

/** What the creator's key means for their viewers, and the faster option when it is RTMP. */
export function DelayNote({ type }: { type: IngressType }) {
  return (
    <div
      className="flex gap-3 rounded-lg border border-zinc-800 bg-zinc-950/60 px-3 py-2.5 text-sm text-zinc-300"
      data-testid="ingest-delay"
    >
      <ClockIcon className="mt-0.5 size-4 shrink-0 text-zinc-400" aria-hidden />
      <p>
        With {type}, viewers see you {DELAY[type].sentence} after it happens (plus their own network&rsquo;s delay).
        {type === 'RTMP' && (
          <>
            {' '}
            When the lowest delay matters, for talking with chat or playing with viewers, use <strong>WHIP</strong> with{' '}
            <strong>OBS 30 or newer</strong>: {DELAY.WHIP.short}. Reset this key to get a WHIP key.
          </>
        )}
      </p>
    </div>
  );
}
