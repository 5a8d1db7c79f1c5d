import { useEffect } from 'react';
import { Link } from 'react-router';
import { paths } from '@/config/paths.ts';
import { useQuery } from '@/lib/use-query.ts';
import { getChannelReplays } from '../api/replays-api.ts';

const RECHECK_MS = 10_000;

/** "Watch the last stream" on an offline channel, when the viewer may watch its newest replay. */
export function LastStreamLink({ username, refreshKey }: { username: string; refreshKey: string }) {
  const { state, reload } = useQuery(`last-replay:${username}:${refreshKey}`, (signal) => getChannelReplays(username, signal));
  // A broadcast that just ended becomes a replay a few seconds later: look again now and then.
  useEffect(() => {
    const timer = setInterval(reload, RECHECK_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const last = state.status === 'ready' ? state.data.items[0] : undefined;
  if (!last) return null;
  return (
    <Link
      to={paths.replay.to(username, last.id)}
      className="rounded-lg bg-zinc-100 px-4 py-2 text-sm font-semibold text-zinc-900 hover:bg-white"
    >
      Watch the last stream
    </Link>
  );
}
