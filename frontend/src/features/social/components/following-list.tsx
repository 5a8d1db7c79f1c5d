import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '@/config/paths.ts';
import { Avatar } from '@/components/avatar.tsx';
import { Button } from '@/components/button.tsx';
import { Spinner } from '@/components/spinner.tsx';
import { StatusPanel } from '@/components/status-panel.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { useServerState } from '@/lib/use-server-state.ts';
import { listFollowing, type FollowedUser } from '../api/social-api.ts';
import { followingQuery } from '../api/social-queries.ts';

function FollowedCard({ user }: { user: FollowedUser }) {
  return (
    <li className="flex items-center gap-3 rounded-xl border border-zinc-800 bg-zinc-900/60 p-3 transition-colors hover:border-zinc-700">
      <Link to={paths.profile.to(user.displayUsername)} className="flex min-w-0 flex-1 items-center gap-3 rounded-lg">
        <span className={user.isLive ? 'rounded-full ring-2 ring-red-600' : undefined}>
          <Avatar url={user.image} name={user.displayUsername} />
        </span>
        <span className="min-w-0">
          <span className="block truncate font-semibold text-zinc-100">{user.name}</span>
          <span className="block truncate text-sm text-zinc-400">@{user.displayUsername}</span>
        </span>
      </Link>
      {user.isLive ? (
        <Link
          to={paths.watch.to(user.displayUsername)}
          className="shrink-0 rounded-md bg-red-600 px-2 py-1 text-xs font-bold tracking-wide text-white uppercase hover:bg-red-500"
        >
          Live
        </Link>
      ) : (
        <span className="shrink-0 text-xs text-zinc-400">Offline</span>
      )}
    </li>
  );
}

/** The signed-in user's follows, newest first, a page at a time. */
export function FollowingList({ owner }: { owner: string }) {
  const { state, reload, setData } = useServerState(followingQuery(owner));
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string>();

  if (state.status === 'loading')
    return (
      <div className="flex justify-center py-16" role="status">
        <Spinner />
        <span className="sr-only">Loading the channels you follow…</span>
      </div>
    );
  if (state.status === 'error')
    return (
      <StatusPanel title="Could not load the channels you follow">
        <p>{state.error instanceof ApiError ? state.error.message : 'Please try again.'}</p>
        <Button variant="secondary" className="mt-3" onClick={reload}>
          Try again
        </Button>
      </StatusPanel>
    );
  const { users, nextCursor } = state.data;
  if (!users.length)
    return (
      <StatusPanel title="You don't follow anyone yet">
        Find a channel you like and press <strong className="text-zinc-200">Follow</strong>: it will show up here.{' '}
        <Link to={paths.home.to()} className="font-semibold text-accent-400 hover:underline">
          See who is live
        </Link>
      </StatusPanel>
    );

  async function loadMore() {
    if (!nextCursor) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await listFollowing(owner, nextCursor);
      setData((current) => ({ users: [...current.users, ...page.users], nextCursor: page.nextCursor }));
    } catch (caught) {
      setMoreError(caught instanceof ApiError ? caught.message : 'Could not load more. Please try again.');
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Channels you follow">
        {users.map((user) => (
          <FollowedCard key={user.id} user={user} />
        ))}
      </ul>
      {nextCursor && (
        <div className="flex flex-col items-center gap-2">
          <Button variant="secondary" loading={loadingMore} onClick={loadMore}>
            Show more
          </Button>
          {moreError && (
            <p role="alert" className="text-sm text-red-400">
              {moreError}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
