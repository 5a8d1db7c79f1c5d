import { useEffect, useEffectEvent, useState, type ReactNode } from 'react';
import { useBlocker } from 'react-router';
import { TrackEvent } from 'livekit-client';
import { Button } from '@/components/button.tsx';
import { ConfirmDialog } from '@/components/confirm-dialog.tsx';
import { CameraIcon, MicIcon, MicOffIcon, ScreenIcon } from '@/components/icons.tsx';
import { Spinner } from '@/components/spinner.tsx';
import { describeMediaError, useLocalMedia, type VideoSource } from '../hooks/use-local-media.ts';
import { useDevices } from '../hooks/use-devices.ts';
import { usePublisherRoom } from '../hooks/use-publisher-room.ts';
import { DevicePicker } from './device-picker.tsx';
import { PublisherStats } from './publisher-stats.tsx';
import { TrackPreview } from './track-preview.tsx';

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
 * Goes live from the browser: camera or screen plus microphone, previewed first, then published to the
 * creator's room (usePublisherRoom). Default export: loaded lazily so pages without LiveKit stay small.
 */
export default function BrowserPublisher() {
  const media = useLocalMedia();
  const [error, setError] = useState<string>();
  const [micMuted, setMicMuted] = useState(false);
  const [cameraId, setCameraId] = useState<string>();
  const [micId, setMicId] = useState<string>();
  const [switching, setSwitching] = useState(false);
  const { phase, live, liveRoom, start, stop, disconnect, replaceVideo } = usePublisherRoom(setError);
  const cameras = useDevices('videoinput', Boolean(media.video) || !media.opening);
  const microphones = useDevices('audioinput', Boolean(media.audio));

  const blocker = useBlocker(({ currentLocation, nextLocation }) => live && currentLocation.pathname !== nextLocation.pathname);

  async function handleStart() {
    setError(undefined);
    await start(media);
  }

  async function switchSource(next: VideoSource) {
    if (next === media.source && media.video) return;
    setSwitching(true);
    setError(undefined);
    try {
      const track = await media.openVideo(next, cameraId);
      await replaceVideo(track, next, media.video);
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
        <p className="text-xs text-zinc-400">
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
            <Button variant="danger" onClick={() => void stop()} loading={phase === 'stopping'}>
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
