import { useEffect, useEffectEvent, useRef, useState, type ReactNode } from 'react';
import { useBlocker } from 'react-router';
import {
  DisconnectReason,
  Room,
  RoomEvent,
  ScreenSharePresets,
  Track,
  TrackEvent,
  VideoPresets,
  type TrackPublishOptions,
} from 'livekit-client';
import { Button } from '@/components/button.tsx';
import { ConfirmDialog } from '@/components/confirm-dialog.tsx';
import { CameraIcon, MicIcon, MicOffIcon, ScreenIcon } from '@/components/icons.tsx';
import { Spinner } from '@/components/spinner.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { getPublisherToken } from '../api/get-publisher-token.ts';
import { describeMediaError, useLocalMedia, type VideoSource } from '../hooks/use-local-media.ts';
import { useDevices } from '../hooks/use-devices.ts';
import { DevicePicker } from './device-picker.tsx';
import { PublisherStats } from './publisher-stats.tsx';
import { TrackPreview } from './track-preview.tsx';

type Phase = 'preview' | 'starting' | 'live' | 'stopping';

/** Simulcast: viewers on weak connections get a lower layer of the same picture. */
function videoOptions(source: VideoSource): TrackPublishOptions {
  return source === 'screen'
    ? { source: Track.Source.ScreenShare, simulcast: true, videoEncoding: ScreenSharePresets.h1080fps15.encoding }
    : { source: Track.Source.Camera, simulcast: true, videoEncoding: VideoPresets.h720.encoding };
}

function SourceButton({
  active,
  disabled,
  onClick,
  icon,
  children,
}: {
  active: boolean;
  disabled?: boolean;
  onClick: () => void;
  icon: ReactNode;
  children: string;
}) {
  return (
    <button
      type="button"
      aria-pressed={active}
      disabled={disabled}
      onClick={onClick}
      className={`inline-flex flex-1 items-center justify-center gap-2 rounded-lg px-3 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-50 ${
        active ? 'bg-accent-600 text-white' : 'text-zinc-300 hover:bg-zinc-800 hover:text-white'
      }`}
    >
      {icon}
      {children}
    </button>
  );
}

/**
 * Goes live from the browser: camera or screen plus microphone, previewed first, then published with the
 * creator's publisher token (identity = user id). Ending disconnects, and LiveKit's webhooks end the stream.
 * Default export: loaded lazily so pages without LiveKit stay small.
 */
export default function BrowserPublisher() {
  const media = useLocalMedia();
  const [phase, setPhase] = useState<Phase>('preview');
  const [error, setError] = useState<string>();
  const [micMuted, setMicMuted] = useState(false);
  const [cameraId, setCameraId] = useState<string>();
  const [micId, setMicId] = useState<string>();
  const [switching, setSwitching] = useState(false);
  const roomRef = useRef<Room | null>(null);
  /** The connected room, for the stats panel (the ref is for handlers). */
  const [liveRoom, setLiveRoom] = useState<Room | null>(null);
  const cameras = useDevices('videoinput', Boolean(media.video) || !media.opening);
  const microphones = useDevices('audioinput', Boolean(media.audio));
  const live = phase === 'live';

  const blocker = useBlocker(({ currentLocation, nextLocation }) => live && currentLocation.pathname !== nextLocation.pathname);

  async function disconnect() {
    const room = roomRef.current;
    roomRef.current = null;
    setLiveRoom(null);
    await room?.disconnect(false);
  }

  async function handleStart() {
    setPhase('starting');
    setError(undefined);
    const room = new Room({ dynacast: true, adaptiveStream: false, stopLocalTrackOnUnpublish: false });
    try {
      const token = await getPublisherToken();
      room.on(RoomEvent.Disconnected, (reason) => {
        // Ending on purpose is handled by handleStop; anything else means the stream dropped.
        if (roomRef.current !== room || reason === DisconnectReason.CLIENT_INITIATED) return;
        roomRef.current = null;
        setLiveRoom(null);
        setPhase('preview');
        setError('The connection to the server dropped, so your stream ended. Start again when you are ready.');
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
      setError(caught instanceof ApiError ? caught.message : 'Could not start the stream. Check your connection and try again.');
    }
  }

  async function handleStop() {
    setPhase('stopping');
    await disconnect();
    setPhase('preview');
  }

  async function switchSource(next: VideoSource) {
    if (next === media.source && media.video) return;
    setSwitching(true);
    setError(undefined);
    try {
      const track = await media.openVideo(next, cameraId);
      const room = roomRef.current;
      // Publish the new picture before dropping the old one, so viewers never see the stream end.
      if (room) {
        await room.localParticipant.publishTrack(track, videoOptions(next));
        if (media.video) await room.localParticipant.unpublishTrack(media.video, true);
      }
      media.replaceVideo(track, next);
    } catch (caught) {
      setError(describeMediaError(caught, next === 'screen' ? 'screen' : 'camera'));
    } finally {
      setSwitching(false);
    }
  }

  async function handleCameraChange(deviceId: string) {
    setCameraId(deviceId);
    if (media.source === 'camera' && media.video) await media.video.setDeviceId(deviceId);
  }

  async function handleMicrophoneChange(deviceId: string) {
    setMicId(deviceId);
    await media.audio?.setDeviceId(deviceId);
  }

  async function toggleMicrophone() {
    if (!media.audio) return;
    if (micMuted) await media.audio.unmute();
    else await media.audio.mute();
    setMicMuted(!micMuted);
  }

  // The browser's own "Stop sharing" button ends the screen track: fall back to the camera.
  const onScreenEnded = useEffectEvent(() => void switchSource('camera'));
  useEffect(() => {
    const track = media.video;
    if (!track || media.source !== 'screen') return;
    const handleEnded = () => onScreenEnded();
    track.on(TrackEvent.Ended, handleEnded);
    return () => {
      track.off(TrackEvent.Ended, handleEnded);
    };
  }, [media.video, media.source]);

  // Closing the tab or leaving the app while live would end the stream without a word.
  useEffect(() => {
    if (!live) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [live]);

  // Leaving the page ends the stream: the room connection belongs to this page.
  useEffect(() => () => void roomRef.current?.disconnect(false), []);

  const hasMedia = Boolean(media.video || media.audio);
  const currentCamera =
    cameraId ?? (media.source === 'camera' ? media.video?.mediaStreamTrack.getSettings().deviceId : undefined);
  const currentMic = micId ?? media.audio?.mediaStreamTrack.getSettings().deviceId;

  return (
    <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="flex flex-col gap-3">
        <div className="relative aspect-video overflow-hidden rounded-xl border border-zinc-800 bg-black">
          {media.video ? (
            <TrackPreview track={media.video} />
          ) : (
            <div
              className="flex h-full flex-col items-center justify-center gap-3 px-6 text-center text-sm text-zinc-400"
              role="status"
            >
              {media.opening ? (
                <>
                  <Spinner /> Opening your camera and microphone…
                </>
              ) : (
                <>
                  <CameraIcon className="size-8 text-zinc-600" />
                  {media.videoError ?? 'No picture: pick a camera or share your screen.'}
                </>
              )}
            </div>
          )}
          <span
            className={`absolute top-3 left-3 rounded px-2 py-0.5 text-xs font-bold tracking-wide uppercase ${live ? 'bg-red-600 text-white' : 'bg-black/70 text-zinc-200'}`}
            data-testid={live ? 'on-air' : 'preview-badge'}
          >
            {live ? 'Live' : 'Preview'}
          </span>
          {micMuted && (
            <span className="absolute top-3 right-3 inline-flex items-center gap-1 rounded bg-black/70 px-2 py-0.5 text-xs font-semibold text-amber-300">
              <MicOffIcon className="size-3.5" /> Mic muted
            </span>
          )}
        </div>
        <p className="text-xs text-zinc-500">
          {live
            ? 'You are live. Viewers see and hear exactly this; the preview is muted so you do not hear yourself.'
            : 'Only you see this preview. Nothing is sent until you start streaming.'}
        </p>
      </div>

      <div className="flex flex-col gap-4 rounded-xl border border-zinc-800 bg-zinc-900/60 p-4">
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1.5 text-sm font-medium text-zinc-300">Picture</legend>
          <div className="flex gap-1 rounded-lg border border-zinc-800 bg-zinc-950 p-1">
            <SourceButton
              active={media.source === 'camera'}
              disabled={switching || phase === 'starting'}
              onClick={() => void switchSource('camera')}
              icon={<CameraIcon className="size-4" />}
            >
              Camera
            </SourceButton>
            <SourceButton
              active={media.source === 'screen'}
              disabled={switching || phase === 'starting'}
              onClick={() => void switchSource('screen')}
              icon={<ScreenIcon className="size-4" />}
            >
              Screen
            </SourceButton>
          </div>
        </fieldset>
        {media.source === 'camera' && (
          <DevicePicker
            label="Camera"
            devices={cameras}
            value={currentCamera}
            disabled={switching}
            onChange={(id) => void handleCameraChange(id)}
          />
        )}
        <div className="flex items-end gap-2 [&>button]:h-[38px]">
          <div className="min-w-0 flex-1">
            <DevicePicker
              label="Microphone"
              devices={microphones}
              value={currentMic}
              onChange={(id) => void handleMicrophoneChange(id)}
            />
          </div>
          <Button
            variant="secondary"
            onClick={() => void toggleMicrophone()}
            disabled={!media.audio}
            aria-pressed={micMuted}
            aria-label={micMuted ? 'Unmute microphone' : 'Mute microphone'}
            className="px-3"
          >
            {micMuted ? <MicOffIcon className="size-4 text-amber-300" /> : <MicIcon className="size-4" />}
          </Button>
        </div>
        {live && liveRoom && <PublisherStats room={liveRoom} />}
        {media.audioError && <p className="text-sm text-amber-300">{media.audioError}</p>}
        {media.videoError && media.video && <p className="text-sm text-amber-300">{media.videoError}</p>}

        <div className="mt-auto flex flex-col gap-2 border-t border-zinc-800 pt-4">
          {live || phase === 'stopping' ? (
            <Button variant="danger" onClick={() => void handleStop()} loading={phase === 'stopping'}>
              End stream
            </Button>
          ) : (
            <Button onClick={() => void handleStart()} loading={phase === 'starting'} disabled={!hasMedia || switching}>
              Start streaming
            </Button>
          )}
          <p aria-live="polite" className="text-xs text-zinc-400">
            {phase === 'starting' && 'Connecting…'}
            {live && 'Your stream is live. Ending it or leaving this page stops it for everyone.'}
            {phase === 'preview' &&
              !hasMedia &&
              !media.opening &&
              'Allow a camera or microphone (or share your screen) to go live.'}
          </p>
          {error && (
            <p role="alert" className="rounded-lg bg-red-500/10 px-3 py-2 text-sm text-red-300">
              {error}
            </p>
          )}
        </div>
      </div>

      <ConfirmDialog
        open={blocker.state === 'blocked'}
        title="End your stream?"
        confirmLabel="End stream and leave"
        cancelLabel="Stay live"
        onCancel={() => blocker.reset?.()}
        onConfirm={() => {
          void disconnect().then(() => blocker.proceed?.());
        }}
      >
        <p>Your stream runs from this page. Leaving it ends the stream for your viewers.</p>
      </ConfirmDialog>
    </div>
  );
}
