import { useCallback, useEffect, useRef, useState } from 'react';

const HLS = 'application/vnd.apple.mpegurl';
/** Players start this many 2 s segments behind the newest: about 4 s, plus the segment being written. */
const LIVE_SYNC_SEGMENTS = 2;
/** Tries of the playlist, 2 s apart, before data saver counts as unavailable for this stream (not recorded). */
const MANIFEST_TRIES = 10;
/** Offer the jump back to live once playback drifted this far behind. */
const FAR_BEHIND_S = 12;

type HlsLiveVideoProps = { username: string; muted: boolean; volume: number; onUnavailable: () => void };

/**
 * The live stream over HLS (data saver): the recorder's segments through hls.js (native HLS where hls.js cannot
 * run), how far behind the broadcast it plays, and a jump back to live. Calls `onUnavailable` when the stream has
 * no HLS (not recorded) or it fails for good.
 */
export function HlsLiveVideo({ username, muted, volume, onUnavailable }: HlsLiveVideoProps) {
  const video = useRef<HTMLVideoElement | null>(null);
  const jumpToLive = useRef<(() => void) | null>(null);
  const [behindS, setBehindS] = useState<number | null>(null);
  const url = `/api/recordings/channels/${encodeURIComponent(username)}/live/index.m3u8`;

  const attach = useCallback(
    (element: HTMLVideoElement | null) => {
      video.current = element;
      if (!element) return;
      let destroy: (() => void) | undefined;
      let detached = false;
      void import('hls.js').then(({ default: Hls }) => {
        if (detached) return;
        if (!Hls.isSupported()) {
          if (!element.canPlayType(HLS)) return onUnavailable();
          element.src = url;
          void element.play().catch(() => undefined);
          return;
        }
        const hls = new Hls({
          liveSyncDurationCount: LIVE_SYNC_SEGMENTS,
          // The playlist answers 404 until the recorder has written its first segments (a few seconds after going
          // live): keep asking for a while before saying data saver is unavailable.
          manifestLoadPolicy: {
            default: {
              maxTimeToFirstByteMs: 10_000,
              maxLoadTimeMs: 20_000,
              timeoutRetry: { maxNumRetry: 2, retryDelayMs: 0, maxRetryDelayMs: 0 },
              errorRetry: {
                maxNumRetry: MANIFEST_TRIES,
                retryDelayMs: 2_000,
                maxRetryDelayMs: 2_000,
                shouldRetry: (config, count) => count < (config?.maxNumRetry ?? 0),
              },
            },
          },
        });
        hls.on(Hls.Events.ERROR, (_event, data) => {
          if (data.fatal) onUnavailable();
        });
        // Start as soon as there is something to play (autoplay alone waits for the element's own readiness).
        hls.on(Hls.Events.MANIFEST_PARSED, () => void element.play().catch(() => undefined));
        hls.loadSource(url);
        hls.attachMedia(element);
        // The segments carry the time they were recorded: how far behind the broadcast the picture is.
        const clock = setInterval(() => {
          const at = hls.playingDate;
          setBehindS(at ? Math.max(0, (Date.now() - at.getTime()) / 1000) : null);
        }, 1000);
        jumpToLive.current = () => {
          if (hls.liveSyncPosition !== null) element.currentTime = hls.liveSyncPosition;
        };
        destroy = () => {
          clearInterval(clock);
          hls.destroy();
        };
      });
      return () => {
        detached = true;
        jumpToLive.current = null;
        destroy?.();
      };
    },
    [url, onUnavailable],
  );

  useEffect(() => {
    if (!video.current) return;
    video.current.muted = muted;
    video.current.volume = volume;
  }, [muted, volume]);

  return (
    <>
      <video
        ref={attach}
        autoPlay
        playsInline
        muted
        className="h-full w-full object-contain"
        data-testid="host-video"
        data-source="hls"
      />
      <div className="pointer-events-none absolute bottom-16 left-3 flex items-center gap-2">
        <span className="rounded-lg bg-black/70 px-2.5 py-1.5 text-xs font-semibold text-white" data-testid="hls-behind">
          Data saver{behindS !== null && ` · ~${Math.round(behindS)} s behind`}
        </span>
        {behindS !== null && behindS > FAR_BEHIND_S && (
          <button
            type="button"
            className="pointer-events-auto rounded-lg bg-accent-600 px-2.5 py-1.5 text-xs font-semibold text-white hover:bg-accent-500"
            onClick={() => jumpToLive.current?.()}
          >
            Jump to live
          </button>
        )}
      </div>
    </>
  );
}
