import { useEffect, useRef, useState } from 'react';
import {
  DisconnectReason,
  Room,
  RoomEvent,
  ScreenSharePresets,
  Track,
  VideoPresets,
  type LocalAudioTrack,
  type LocalVideoTrack,
  type TrackPublishOptions,
} from 'livekit-client';
import { ApiError } from '@/lib/api-client.ts';
import { getPublisherToken } from '../api/get-publisher-token.ts';
import type { VideoSource } from './use-local-media.ts';

export type PublisherPhase = 'preview' | 'starting' | 'live' | 'stopping';

/** Simulcast: viewers on weak connections get a lower layer of the same picture. */
function videoOptions(source: VideoSource): TrackPublishOptions {
  return source === 'screen'
    ? { source: Track.Source.ScreenShare, simulcast: true, videoEncoding: ScreenSharePresets.h1080fps15.encoding }
    : { source: Track.Source.Camera, simulcast: true, videoEncoding: VideoPresets.h720.encoding };
}

type Media = { video: LocalVideoTrack | null; audio: LocalAudioTrack | null; source: VideoSource };

/**
 * The creator's publishing connection to their room (publisher token, identity = user id): start publishes the
 * previewed tracks, stop disconnects (LiveKit's webhooks end the stream), a dropped connection says so through
 * `onError`. Closing the tab while live asks first; leaving the page ends the stream.
 */
export function usePublisherRoom(onError: (message: string) => void) {
  const [phase, setPhase] = useState<PublisherPhase>('preview');
  const roomRef = useRef<Room | null>(null);
  /** The connected room, for the stats panel (the ref is for handlers). */
  const [liveRoom, setLiveRoom] = useState<Room | null>(null);
  const live = phase === 'live';

  async function disconnect() {
    const room = roomRef.current;
    roomRef.current = null;
    setLiveRoom(null);
    await room?.disconnect(false);
  }

  async function start(media: Media) {
    setPhase('starting');
    const room = new Room({ dynacast: true, adaptiveStream: false, stopLocalTrackOnUnpublish: false });
    try {
      const token = await getPublisherToken();
      room.on(RoomEvent.Disconnected, (reason) => {
        // Ending on purpose is handled by stop; anything else means the stream dropped.
        if (roomRef.current !== room || reason === DisconnectReason.CLIENT_INITIATED) return;
        roomRef.current = null;
        setLiveRoom(null);
        setPhase('preview');
        onError('The connection to the server dropped, so your stream ended. Start again when you are ready.');
      });
      await room.connect(token.wsUrl, token.token);
      if (media.video) await room.localParticipant.publishTrack(media.video, videoOptions(media.source));
      if (media.audio) await room.localParticipant.publishTrack(media.audio, { source: Track.Source.Microphone });
      roomRef.current = room;
      setLiveRoom(room);
      setPhase('live');
    } catch (caught) {
      await room.disconnect(false);
      setPhase('preview');
      onError(caught instanceof ApiError ? caught.message : 'Could not start the stream. Check your connection and try again.');
    }
  }

  async function stop() {
    setPhase('stopping');
    await disconnect();
    setPhase('preview');
  }

  /** While live, publishes the new picture before dropping the old one, so viewers never see the stream end. */
  async function replaceVideo(next: LocalVideoTrack, source: VideoSource, previous: LocalVideoTrack | null) {
    const room = roomRef.current;
    if (!room) return;
    await room.localParticipant.publishTrack(next, videoOptions(source));
    if (previous) await room.localParticipant.unpublishTrack(previous, true);
  }

  // Closing the tab or leaving the app while live would end the stream without a word.
  useEffect(() => {
    if (!live) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [live]);

  // Leaving the page ends the stream: the room connection belongs to this page.
  useEffect(() => () => void roomRef.current?.disconnect(false), []);

  return { phase, live, liveRoom, start, stop, disconnect, replaceVideo };
}
