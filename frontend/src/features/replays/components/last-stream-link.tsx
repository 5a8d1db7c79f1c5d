import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { paths } from '@/config/paths.ts';
import { getChannelReplays } from '../api/replays-api.ts';
import { replayKeys } from '../api/replay-keys.ts';

/** A broadcast that just ended becomes a replay a few seconds later: look again this often. */
const RECHECK_MS = 10_000;

/** "Watch the last stream" on an offline channel, when the viewer may watch its newest replay. */
export function LastStreamLink({ username, refreshKey }: { username: string; refreshKey: string }) {
  const { data } = useQuery({
    queryKey: [...replayKeys.channel(username), refreshKey],
    queryFn: ({ signal }) => getChannelReplays(username, signal),
    refetchInterval: RECHECK_MS,
  });
  const last = data?.items[0];
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
