import { useState } from 'react';
import { Track } from 'livekit-client';
import { LiveKitRoom, VideoTrack, useLocalParticipant, useTracks } from '@livekit/components-react';
import { Button } from '@/components/button.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { getPublisherToken, type PublisherToken } from '../api/get-publisher-token.ts';

function LocalPreview({ onStop }: { onStop: () => void }) {
  const { localParticipant } = useLocalParticipant();
  const [camera] = useTracks([Track.Source.Camera]).filter((track) => track.participant.identity === localParticipant.identity);
  return (
    <div className="flex flex-col gap-4">
      <div className="relative aspect-video overflow-hidden rounded-xl bg-black">
        {camera ? (
          <VideoTrack trackRef={camera} className="h-full w-full object-contain" data-testid="local-preview" />
        ) : (
          <div className="flex h-full items-center justify-center text-sm text-zinc-400">Starting camera…</div>
        )}
        <span className="absolute left-3 top-3 rounded bg-red-600 px-2 py-0.5 text-xs font-bold uppercase tracking-wide" data-testid="on-air">
          Live
        </span>
      </div>
      <Button variant="danger" onClick={onStop}>
        End stream
      </Button>
    </div>
  );
}

/** Goes live from the browser: camera and microphone published with the creator's token. */
/** Default export: loaded lazily so pages without LiveKit stay small. */
export default function BrowserPublisher() {
  const [token, setToken] = useState<PublisherToken | null>(null);
  const [error, setError] = useState<string>();
  const [starting, setStarting] = useState(false);

  async function handleStart() {
    setStarting(true);
    setError(undefined);
    try {
      setToken(await getPublisherToken());
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not start the stream.');
    } finally {
      setStarting(false);
    }
  }

  if (!token)
    return (
      <div className="flex flex-col items-start gap-3">
        <p className="text-sm text-zinc-400">Your camera and microphone go straight to your viewers, with no extra software.</p>
        <Button onClick={handleStart} loading={starting}>
          Start streaming
        </Button>
        {error && (
          <p role="alert" className="text-sm text-red-400">
            {error}
          </p>
        )}
      </div>
    );

  return (
    <LiveKitRoom
      serverUrl={token.wsUrl}
      token={token.token}
      connect
      video
      audio
      onDisconnected={() => setToken(null)}
      onError={(caught) => setError(caught.message)}
    >
      <LocalPreview onStop={() => setToken(null)} />
    </LiveKitRoom>
  );
}
