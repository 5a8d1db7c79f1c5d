import { useEffect, useState } from 'react';
import { LiveKitRoom } from '@livekit/components-react';
import { Spinner } from '@/components/spinner.tsx';
import { StatusPanel } from '@/components/status-panel.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { getViewerToken, type ViewerToken } from '../api/get-viewer-token.ts';
import { HostVideo } from './host-video.tsx';

type PlayerState =
  | { kind: 'loading' }
  | { kind: 'ready'; token: ViewerToken }
  | { kind: 'error'; title: string; message: string };

/** Joins the creator's room (subscribe only) and shows their stream. Default export: loaded lazily. */
export default function LivePlayer({ username }: { username: string }) {
  const [state, setState] = useState<PlayerState>({ kind: 'loading' });

  // Fetching the token is a sync with the URL's username, so an effect is the right tool here.
  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    getViewerToken(username, controller.signal)
      .then((token) => setState({ kind: 'ready', token }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404)
          setState({ kind: 'error', title: 'Channel not found', message: `There is no creator called “${username}”.` });
        else
          setState({
            kind: 'error',
            title: 'Could not load the stream',
            message: error instanceof Error ? error.message : 'Please try again.',
          });
      });
    return () => controller.abort();
  }, [username]);

  if (state.kind === 'loading')
    return (
      <div className="flex h-full items-center justify-center text-zinc-400" role="status">
        <Spinner />
        <span className="sr-only">Loading stream…</span>
      </div>
    );
  if (state.kind === 'error') return <StatusPanel title={state.title}>{state.message}</StatusPanel>;

  return (
    <LiveKitRoom serverUrl={state.token.wsUrl} token={state.token.token} connect audio={false} video={false} className="h-full">
      <HostVideo
        offline={
          <StatusPanel title={`${username} is offline`}>The stream starts here as soon as they go live.</StatusPanel>
        }
      />
    </LiveKitRoom>
  );
}
