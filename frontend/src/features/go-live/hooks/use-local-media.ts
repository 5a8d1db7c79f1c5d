import { useEffect, useRef, useState } from 'react';
import {
  ScreenSharePresets,
  VideoPresets,
  createLocalAudioTrack,
  createLocalScreenTracks,
  createLocalVideoTrack,
  type LocalAudioTrack,
  type LocalTrack,
  type LocalVideoTrack,
} from 'livekit-client';

export type VideoSource = 'camera' | 'screen';

/** A sentence for what went wrong when opening a device. */
export function describeMediaError(error: unknown, device: 'camera' | 'microphone' | 'screen'): string {
  const name = error instanceof Error ? error.name : '';
  if (device === 'screen' && name === 'NotAllowedError') return 'Screen sharing was cancelled.';
  if (name === 'NotAllowedError')
    return `Your browser blocked the ${device}. Allow it in the site settings (the icon beside the address), then reload this page.`;
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return `No ${device} was found. Plug one in, or share your screen instead.`;
  if (name === 'NotReadableError') return `The ${device} is being used by another app. Close it and reload this page.`;
  return `Could not open the ${device}.`;
}

/**
 * The creator's camera (or screen) and microphone, opened for the preview before going live and kept while
 * live (the publisher publishes these same tracks). Every track opened here is stopped when the page goes.
 */
export function useLocalMedia() {
  const [video, setVideo] = useState<LocalVideoTrack | null>(null);
  const [audio, setAudio] = useState<LocalAudioTrack | null>(null);
  const [source, setSource] = useState<VideoSource>('camera');
  const [videoError, setVideoError] = useState<string>();
  const [audioError, setAudioError] = useState<string>();
  const [opening, setOpening] = useState(true);
  const owned = useRef(new Set<LocalTrack>());

  // Camera and microphone are external resources: opened with the page, released with it.
  useEffect(() => {
    let active = true;
    const tracks = owned.current;
    const keep = <T extends LocalTrack>(track: T, set: (track: T) => void) => {
      if (!active) return track.stop();
      tracks.add(track);
      set(track);
    };
    Promise.allSettled([
      createLocalVideoTrack({ resolution: VideoPresets.h720.resolution }).then(
        (track) => keep(track, setVideo),
        (error: unknown) => active && setVideoError(describeMediaError(error, 'camera')),
      ),
      createLocalAudioTrack({ echoCancellation: true, noiseSuppression: true }).then(
        (track) => keep(track, setAudio),
        (error: unknown) => active && setAudioError(describeMediaError(error, 'microphone')),
      ),
    ]).then(() => active && setOpening(false));
    return () => {
      active = false;
      for (const track of tracks) track.stop();
      tracks.clear();
    };
  }, []);

  /** Opens a new picture source; the caller publishes it (when live) before `replaceVideo` drops the old one. */
  async function openVideo(next: VideoSource, cameraId?: string): Promise<LocalVideoTrack> {
    const track =
      next === 'screen'
        ? ((
            await createLocalScreenTracks({ audio: false, resolution: ScreenSharePresets.h1080fps15.resolution })
          )[0] as LocalVideoTrack)
        : await createLocalVideoTrack({ resolution: VideoPresets.h720.resolution, deviceId: cameraId });
    owned.current.add(track);
    return track;
  }

  function replaceVideo(track: LocalVideoTrack, next: VideoSource) {
    if (video && video !== track) {
      video.stop();
      owned.current.delete(video);
    }
    setVideo(track);
    setSource(next);
    setVideoError(undefined);
  }

  return { video, audio, source, videoError, audioError, opening, openVideo, replaceVideo, setVideoError };
}
