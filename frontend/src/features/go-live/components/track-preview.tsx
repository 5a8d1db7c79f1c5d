import { useCallback } from 'react';
import type { LocalVideoTrack } from 'livekit-client';

/** The local picture, exactly as it is sent (not mirrored), attached to a muted <video>. */
export function TrackPreview({ track }: { track: LocalVideoTrack }) {
  const attach = useCallback(
    (element: HTMLVideoElement | null) => {
      if (!element) return;
      track.attach(element);
      return () => {
        track.detach(element);
      };
    },
    [track],
  );
  return <video ref={attach} muted playsInline autoPlay className="h-full w-full object-contain" data-testid="local-preview" />;
}
