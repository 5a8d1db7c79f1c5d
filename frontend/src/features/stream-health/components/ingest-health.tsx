import type { ReactNode } from 'react';
import type { HealthWarning } from '@streamhouse/contract';
import { Spinner } from '@/components/spinner.tsx';
import { useStreamHealth, type StreamHealth } from '../api/stream-health-api.ts';

const STATUS_TEXT: Record<StreamHealth['status'], { label: string; tone: string }> = {
  NONE: { label: 'No stream key', tone: 'text-zinc-400' },
  INACTIVE: { label: 'Waiting for OBS', tone: 'text-zinc-400' },
  BUFFERING: { label: 'Buffering', tone: 'text-amber-300' },
  PUBLISHING: { label: 'Receiving', tone: 'text-emerald-400' },
  ERROR: { label: 'Error', tone: 'text-red-400' },
  COMPLETE: { label: 'Ended', tone: 'text-zinc-400' },
};

function Stat({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="flex flex-col gap-0.5 rounded-lg bg-zinc-950/60 px-3 py-2">
      <dt className="text-xs text-zinc-400">{label}</dt>
      <dd className="font-mono text-sm text-zinc-100 tabular-nums" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** Warnings as a list a screen reader announces when it changes. */
export function HealthWarnings({ warnings, testId }: { warnings: readonly HealthWarning[]; testId: string }) {
  return (
    <ul aria-live="polite" className="flex flex-col gap-2" data-testid={testId}>
      {warnings.map((warning) => (
        <li
          key={warning.code}
          data-code={warning.code}
          className="rounded-lg border border-amber-500/30 bg-amber-500/10 px-3 py-2 text-sm text-amber-200"
        >
          {warning.message}
        </li>
      ))}
    </ul>
  );
}

function Frame({ children }: { children: ReactNode }) {
  return (
    <section
      aria-labelledby="ingest-health-title"
      className="flex flex-col gap-3 rounded-xl border border-zinc-800 bg-zinc-900/60 p-4"
    >
      <h2 id="ingest-health-title" className="font-semibold">
        Stream health
      </h2>
      {children}
    </section>
  );
}

const kbps = (value: number) => (value > 0 ? `${value.toLocaleString('en-US')} Kbps` : 'measuring…');

/**
 * The OBS ingest as LiveKit's ingress measures it (codec, picture, frame rate, bitrate, endpoint status), with
 * warnings against the recommended settings; polled every 5 s while live. Renders nothing while offline, unless
 * the ingest is starting or failed (an OBS connection that never goes live says why here).
 */
export function IngestHealth({ isLive }: { isLive: boolean }) {
  const query = useStreamHealth(isLive);
  const quiet = !isLive && (query.data === undefined || !['BUFFERING', 'ERROR'].includes(query.data.status));
  if (quiet) return null;
  if (query.data === undefined) {
    return (
      <Frame>
        {query.isError ? (
          <p className="text-sm text-zinc-400">Stream health is unavailable right now.</p>
        ) : (
          <p className="flex items-center gap-2 text-sm text-zinc-400" role="status">
            <Spinner /> Checking your stream…
          </p>
        )}
      </Frame>
    );
  }
  const health = query.data;
  if (health.status === 'NONE' || health.status === 'INACTIVE')
    return (
      <Frame>
        <p className="text-sm text-zinc-400">
          You are streaming from the browser: your connection stats are on the Go live page.
        </p>
      </Frame>
    );
  const status = STATUS_TEXT[health.status];
  return (
    <Frame>
      <div className="flex flex-col gap-3" data-testid="ingest-health">
        <p className="text-sm">
          <span className="text-zinc-400">{health.type} ingest: </span>
          <span className={`font-semibold ${status.tone}`} data-testid="ingest-status">
            {status.label}
          </span>
        </p>
        {health.error && (
          <p role="alert" className="rounded-lg bg-red-500/10 px-3 py-2 text-sm text-red-300">
            {health.error}
          </p>
        )}
        {(health.video || health.audio) && (
          <dl className="grid grid-cols-2 gap-2">
            {health.video && (
              <>
                <Stat label="Video">{health.video.codec}</Stat>
                <Stat label="Resolution" testId="ingest-resolution">
                  {health.video.width}×{health.video.height}
                </Stat>
                <Stat label="Frame rate">
                  {health.video.framerate > 0 ? `${Math.round(health.video.framerate)} fps` : 'measuring…'}
                </Stat>
                <Stat label="Video bitrate" testId="ingest-video-bitrate">
                  {kbps(health.video.bitrateKbps)}
                </Stat>
              </>
            )}
            {health.audio && (
              <Stat label="Audio">
                {health.audio.codec} {health.audio.channels === 1 ? 'mono' : 'stereo'}
              </Stat>
            )}
            {health.audio && <Stat label="Audio bitrate">{kbps(health.audio.bitrateKbps)}</Stat>}
          </dl>
        )}
        {health.warnings.length > 0 ? (
          <HealthWarnings warnings={health.warnings} testId="ingest-warnings" />
        ) : (
          health.status === 'PUBLISHING' && <p className="text-sm text-emerald-400">Your settings look right.</p>
        )}
        <p className="text-xs text-zinc-400">Measured by the ingest server every 10 seconds.</p>
      </div>
    </Frame>
  );
}
