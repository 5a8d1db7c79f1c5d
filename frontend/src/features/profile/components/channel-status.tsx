import { Link } from 'react-router';
import { paths } from '@/config/paths.ts';
import type { PublicProfile } from '../api/profile-api.ts';

/** Under the header: a way into the live stream, or a note that the channel is offline. */
export function ChannelStatus({ profile }: { profile: PublicProfile }) {
  if (profile.isLive)
    return (
      <div className="flex flex-col gap-3 rounded-2xl border border-red-900/60 bg-red-950/30 p-5 sm:flex-row sm:items-center sm:justify-between">
        <div className="min-w-0">
          <p className="flex items-center gap-2 font-semibold">
            <span className="size-2.5 shrink-0 animate-pulse rounded-full bg-red-500" aria-hidden="true" />
            {profile.displayUsername} is live now
          </p>
          {profile.streamTitle && <p className="mt-1 truncate text-sm text-zinc-300">{profile.streamTitle}</p>}
        </div>
        <Link
          to={paths.watch.to(profile.displayUsername)}
          className="rounded-lg bg-red-600 px-4 py-2 text-center text-sm font-semibold text-white hover:bg-red-500"
        >
          Watch the stream
        </Link>
      </div>
    );
  return (
    <div className="rounded-2xl border border-zinc-800 bg-zinc-900/40 p-5 text-sm text-zinc-400">
      {profile.viewer?.isSelf ? (
        <p>
          <span className="font-semibold text-zinc-200">Your channel is offline.</span>{' '}
          <Link to={paths.goLive.to()} className="font-semibold text-accent-400 hover:underline">
            Go live
          </Link>{' '}
          when you are ready.
        </p>
      ) : (
        <p>
          <span className="font-semibold text-zinc-200">Offline.</span> Follow {profile.displayUsername} to see them on your home
          page when they go live.
        </p>
      )}
    </div>
  );
}
