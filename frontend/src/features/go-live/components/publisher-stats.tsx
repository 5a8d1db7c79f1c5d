import { useEffect, useState } from 'react';
import { ConnectionQuality, LocalVideoTrack, Track, type Room } from 'livekit-client';
import { useConnectionQualityIndicator } from '@livekit/components-react';
import { healthWarnings, type HealthWarning } from '@streamhouse/contract';

const SAMPLE_MS = 2_000;

type PublisherSample = {
  width: number;
  height: number;
  framerate: number;
  videoKbps: number;
  audioKbps: number;
  limitation: 'bandwidth' | 'cpu' | null;
  warnings: HealthWarning[];
};

const QUALITY: Record<ConnectionQuality, { label: string; tone: string }> = {
  [ConnectionQuality.Excellent]: { label: 'Excellent', tone: 'text-emerald-400' },
  [ConnectionQuality.Good]: { label: 'Good', tone: 'text-emerald-300' },
  [ConnectionQuality.Poor]: { label: 'Poor', tone: 'text-amber-300' },
  [ConnectionQuality.Lost]: { label: 'Lost', tone: 'text-red-400' },
  [ConnectionQuality.Unknown]: { label: 'Measuring…', tone: 'text-zinc-400' },
};

/**
 * Reads what the browser is actually sending every 2 s: the top simulcast layer's picture and frame rate, the
 * bitrate of all layers (LiveKit's own measurement), and what WebRTC says limits the encoder.
 */
function usePublisherSample(room: Room): PublisherSample | null {
  const [sample, setSample] = useState<PublisherSample | null>(null);
  useEffect(() => {
    let cancelled = false;
    const read = async () => {
      const participant = room.localParticipant;
      const videoTrack = (
        participant.getTrackPublication(Track.Source.Camera) ?? participant.getTrackPublication(Track.Source.ScreenShare)
      )?.track;
      const audioTrack = participant.getTrackPublication(Track.Source.Microphone)?.track;
      const layers = videoTrack instanceof LocalVideoTrack ? await videoTrack.getSenderStats() : [];
      if (cancelled) return;
      const top = layers.reduce<(typeof layers)[number] | undefined>(
        (best, layer) => (!best || layer.frameHeight > best.frameHeight ? layer : best),
        undefined,
      );
      const reason = top?.qualityLimitationReason;
      const limitation = reason === 'bandwidth' || reason === 'cpu' ? reason : null;
      const video = top
        ? {
            width: top.frameWidth ?? 0,
            height: top.frameHeight ?? 0,
            framerate: top.framesPerSecond ?? 0,
            bitrateKbps: Math.round((videoTrack?.currentBitrate ?? 0) / 1000),
          }
        : null;
      const audio = audioTrack && !audioTrack.isMuted ? { bitrateKbps: Math.round(audioTrack.currentBitrate / 1000) } : null;
      setSample({
        width: video?.width ?? 0,
        height: video?.height ?? 0,
        framerate: video?.framerate ?? 0,
        videoKbps: video?.bitrateKbps ?? 0,
        audioKbps: audio?.bitrateKbps ?? 0,
        limitation,
        warnings: healthWarnings({ protocol: 'BROWSER', video: videoTrack ? video : null, audio, limitation }),
      });
    };
    void read();
    const timer = setInterval(() => void read(), SAMPLE_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [room]);
  return sample;
}

function Stat({
  label,
  value,
  tone = 'text-zinc-100',
  testId,
}: {
  label: string;
  value: string;
  tone?: string;
  testId?: string;
}) {
  return (
    <div className="flex flex-col gap-0.5 rounded-lg bg-zinc-950/60 px-3 py-2">
      <dt className="text-xs text-zinc-400">{label}</dt>
      <dd className={`font-mono text-sm tabular-nums ${tone}`} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** The creator's own sending stats while live from the browser, with the same warning rules as OBS. */
export function PublisherStats({ room }: { room: Room }) {
  const { quality } = useConnectionQualityIndicator({ participant: room.localParticipant });
  const sample = usePublisherSample(room);
  const connection = QUALITY[quality];
  return (
    <section aria-labelledby="publisher-stats-title" className="flex flex-col gap-2" data-testid="publisher-stats">
      <h2 id="publisher-stats-title" className="text-sm font-medium text-zinc-300">
        Stream health
      </h2>
      <dl className="grid grid-cols-2 gap-2">
        <Stat label="Connection" value={connection.label} tone={connection.tone} testId="publisher-connection" />
        <Stat label="Picture" value={sample && sample.height > 0 ? `${sample.width}×${sample.height}` : '—'} />
        <Stat label="Frame rate" value={sample && sample.framerate > 0 ? `${Math.round(sample.framerate)} fps` : '—'} />
        <Stat
          label="Video bitrate"
          value={sample && sample.videoKbps > 0 ? `${sample.videoKbps.toLocaleString('en-US')} Kbps` : 'measuring…'}
          testId="publisher-video-bitrate"
        />
      </dl>
      {sample && sample.warnings.length > 0 && (
        <ul aria-live="polite" className="flex flex-col gap-2">
          {sample.warnings.map((warning) => (
            <li
              key={warning.code}
              data-code={warning.code}
              className="rounded-lg border border-amber-500/30 bg-amber-500/10 px-3 py-2 text-sm text-amber-200"
            >
              {warning.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
