import { Spinner } from '@/components/spinner.tsx';
import { useServerState } from '@/lib/use-server-state.ts';
import { ReplayCard } from './replay-card.tsx';
import { channelReplaysQuery } from '../api/replay-queries.ts';

/** A channel's past broadcasts on its profile, newest first (or why the viewer may not see them). */
export function ChannelReplays({ username, viewerKey }: { username: string; viewerKey: string }) {
  const { state } = useServerState(channelReplaysQuery(username, viewerKey));
  return (
    <section aria-labelledby="replays-heading" className="flex flex-col gap-3">
      <h2 id="replays-heading" className="text-lg font-semibold">
        Replays
      </h2>
      {state.status === 'loading' && (
        <div className="flex justify-center py-8 text-zinc-400" role="status">
          <Spinner />
          <span className="sr-only">Loading replays…</span>
        </div>
      )}
      {state.status === 'error' && (
        <p className="text-sm text-red-400" role="alert">
          Could not load the replays. Reload the page to try again.
        </p>
      )}
      {state.status === 'ready' && state.data.locked && (
        <p className="rounded-2xl border border-zinc-800 bg-zinc-900/40 p-5 text-sm text-zinc-400">{state.data.locked.message}</p>
      )}
      {state.status === 'ready' && !state.data.locked && state.data.items.length === 0 && (
        <p className="rounded-2xl border border-zinc-800 bg-zinc-900/40 p-5 text-sm text-zinc-400">
          No replays yet. Past broadcasts show up here.
        </p>
      )}
      {state.status === 'ready' && state.data.items.length > 0 && (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {state.data.items.map((replay) => (
            <li key={replay.id}>
              <ReplayCard replay={replay} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
