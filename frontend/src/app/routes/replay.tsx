import { Link, useParams } from 'react-router';
import { paths } from '@/config/paths.ts';
import { Spinner } from '@/components/spinner.tsx';
import { StatusPanel } from '@/components/status-panel.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { useServerState } from '@/lib/use-server-state.ts';
import { useSessionStore } from '@/features/auth/stores/session-store.ts';
import { ReplayView } from '@/features/replays/components/replay-view.tsx';
import { replayQuery } from '@/features/replays/api/replay-queries.ts';

function Loading() {
  return (
    <div className="flex justify-center py-24 text-zinc-400" role="status">
      <Spinner />
      <span className="sr-only">Loading replay…</span>
    </div>
  );
}

/** /:username/replays/:replayId — a recorded broadcast with its chat. */
export function ReplayRoute() {
  const { username = '', replayId = '' } = useParams();
  const session = useSessionStore((state) => state.user?.id ?? state.status);
  // Who is looking decides whether they may watch: wait for the session first.
  if (session === 'loading') return <Loading />;
  return <ReplayPage username={username} replayId={replayId} viewerKey={session} />;
}

function ReplayPage({ username, replayId, viewerKey }: { username: string; replayId: string; viewerKey: string }) {
  const { state } = useServerState(replayQuery(replayId, viewerKey));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'ready') return <ReplayView replay={state.data} />;

  const error = state.error;
  const reason = error instanceof ApiError ? error.reason : undefined;
  if (error instanceof ApiError && error.status === 403)
    return (
      <StatusPanel
        title={reason === 'BLOCKED' ? 'This channel is unavailable' : 'This replay is not for everyone'}
        icon={<span className="text-4xl">🔒</span>}
      >
        <p>{error.message}</p>
        {reason === 'FOLLOWERS_ONLY' && viewerKey === 'signed-out' && (
          <Link
            className="mt-3 inline-block font-semibold text-accent-400 hover:underline"
            to={paths.signIn.to(paths.replay.to(username, replayId))}
          >
            Sign in to follow {username}
          </Link>
        )}
        {reason === 'FOLLOWERS_ONLY' && viewerKey !== 'signed-out' && (
          <Link className="mt-3 inline-block font-semibold text-accent-400 hover:underline" to={paths.profile.to(username)}>
            Follow {username} on their profile
          </Link>
        )}
      </StatusPanel>
    );
  if (error instanceof ApiError && (error.status === 404 || error.status === 400))
    return (
      <StatusPanel title="Replay not found" icon={<span className="text-4xl">🎞️</span>}>
        <p>This replay does not exist or was deleted.</p>
        <Link className="mt-3 inline-block font-semibold text-accent-400 hover:underline" to={paths.profile.to(username)}>
          See {username}’s other replays
        </Link>
      </StatusPanel>
    );
  return (
    <StatusPanel title="Could not load this replay">{error instanceof Error ? error.message : 'Please try again.'}</StatusPanel>
  );
}
