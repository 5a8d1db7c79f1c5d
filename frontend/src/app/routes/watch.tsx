import { Suspense, lazy } from 'react';
import { Link, useParams, type LoaderFunctionArgs } from 'react-router';
import { paths } from '@/config/paths.ts';
import { Spinner } from '@/components/spinner.tsx';
import { StatusPanel } from '@/components/status-panel.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { startWatching } from '@/features/watch/api/watch-connection.ts';
import { takeWatchPagePass } from '@/features/watch/api/watch-page-pass.ts';
import { publicStreamQuery } from '@/features/watch/api/watch-queries.ts';
import { queryClient } from '@/lib/query-client.ts';
import { useSessionStore } from '@/features/auth/stores/session-store.ts';
import { FollowButton } from '@/features/social/components/follow-button.tsx';
import { MuteButton } from '@/features/notifications/components/mute-button.tsx';
import { NextStreamCard } from '@/features/schedule/components/next-stream-card.tsx';
import { LastStreamLink } from '@/features/replays/components/last-stream-link.tsx';
import { useWatchedChannel } from '@/features/watch/hooks/use-watched-channel.ts';

// LiveKit is large: only the watch page downloads it. The player's chunk, the channel lookup, the viewer token
// and the room connection all start at once, side by side: the loader starts the connection as the navigation
// begins (before React renders), and the page starts its lookup and chunk on its first render.
const loadWatchRoom = () => import('@/features/watch/components/watch-room.tsx');
const WatchRoom = lazy(loadWatchRoom);
const ChatPanel = lazy(() => import('@/features/chat/components/chat-panel.tsx'));
const ReactionsOverlay = lazy(() => import('@/features/chat/components/reactions-overlay.tsx'));

export function WatchLoading() {
  return (
    <div className="flex justify-center py-24 text-zinc-400" role="status">
      <Spinner />
      <span className="sr-only">Loading channel…</span>
    </div>
  );
}

/**
 * Starts the viewer's connection (see startWatching) — with the channel and pass the served page carried, when it
 * did, so neither waits for a request; renders nothing of its own, so it returns at once.
 */
export function watchLoader({ params: { username } }: LoaderFunctionArgs): null {
  if (!username) return null;
  const pass = takeWatchPagePass(username);
  if (pass) queryClient.setQueryData(publicStreamQuery(username).queryKey, pass.stream);
  startWatching(username, 'video', pass?.token);
  return null;
}

export function WatchRoute() {
  const { username = '' } = useParams();
  // Title, live state and viewer count change while the page is open (e.g. the creator renames the stream).
  const { state, reload, setData } = useWatchedChannel(username);
  const sessionStatus = useSessionStore((session) => session.status);
  void loadWatchRoom();

  if (state.status === 'loading') return <WatchLoading />;
  if (state.status === 'error' && state.error instanceof ApiError && state.error.status === 404)
    return (
      <StatusPanel title="Channel not found" icon={<span className="text-4xl">🔍</span>}>
        <p>There is no creator called “{username}”.</p>
        <Link className="mt-3 inline-block font-semibold text-accent-400 hover:underline" to={paths.home.to()}>
          Find someone live
        </Link>
      </StatusPanel>
    );
  if (state.status === 'error')
    return (
      <StatusPanel title="Could not load this channel">
        {state.error instanceof Error ? state.error.message : 'Please try again.'}
      </StatusPanel>
    );

  const stream = state.data;
  const followAction =
    sessionStatus === 'signed-out' ? (
      <Link
        to={paths.signIn.to(paths.watch.to(stream.username))}
        className="rounded-lg bg-accent-600 px-4 py-2 text-sm font-semibold text-white hover:bg-accent-500"
      >
        Follow
      </Link>
    ) : sessionStatus === 'signed-in' && !stream.isOwner ? (
      <div className="flex items-start gap-2">
        <FollowButton
          username={stream.username}
          following={stream.isFollowing}
          onChange={({ following, followerCount }) =>
            setData((current) => ({ ...current, isFollowing: following, followerCount }))
          }
        />
        {stream.isFollowing && <MuteButton username={stream.username} />}
      </div>
    ) : undefined;

  return (
    <Suspense fallback={<WatchLoading />}>
      <WatchRoom
        key={stream.username}
        stream={stream}
        onHostChange={reload}
        actions={followAction}
        offline={
          <div className="flex flex-col gap-2 sm:gap-3">
            <NextStreamCard
              compact
              username={stream.username}
              isOwner={stream.isOwner}
              signInHref={sessionStatus === 'signed-in' ? null : paths.signIn.to(paths.watch.to(stream.username))}
            />
            <LastStreamLink username={stream.username} refreshKey={String(stream.isLive)} />
          </div>
        }
        sidebar={({ token }) => (
          <Suspense fallback={null}>
            <ChatPanel
              hostId={stream.hostId}
              hostName={stream.username}
              roomToken={token}
              initialSettings={stream.chat}
              isFollowing={stream.isFollowing}
            />
          </Suspense>
        )}
        overlay={({ token }) => (
          <Suspense fallback={null}>
            <ReactionsOverlay hostId={stream.hostId} roomToken={token} />
          </Suspense>
        )}
      />
    </Suspense>
  );
}
