import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '@/config/paths.ts';
import { Avatar } from '@/components/avatar.tsx';
import type { PublicProfile } from '../api/profile-api.ts';

function count(value: number, one: string, many: string) {
  return (
    <span>
      <strong className="font-semibold text-zinc-100" data-testid={`${many}-count`}>
        {value.toLocaleString()}
      </strong>{' '}
      {value === 1 ? one : many}
    </span>
  );
}

/** Picture, names, live state, counts and bio; `actions` holds the buttons the page composes in (follow, block, edit). */
export function ProfileHeader({ profile, actions }: { profile: PublicProfile; actions?: ReactNode }) {
  return (
    <section aria-labelledby="profile-name" className="rounded-2xl border border-zinc-800 bg-zinc-900/60 p-5 sm:p-8">
      <div className="flex flex-col gap-5 sm:flex-row sm:items-start">
        <div className="relative w-fit shrink-0">
          <div className={profile.isLive ? 'rounded-full ring-4 ring-red-600' : undefined}>
            <Avatar url={profile.image} name={profile.displayUsername} size="xl" />
          </div>
          {profile.isLive && (
            <Link
              to={paths.watch.to(profile.displayUsername)}
              className="absolute -bottom-2 left-1/2 -translate-x-1/2 rounded-md bg-red-600 px-2 py-0.5 text-xs font-bold tracking-wide text-white uppercase shadow hover:bg-red-500"
              aria-label={`${profile.displayUsername} is live now: watch`}
            >
              Live
            </Link>
          )}
        </div>

        <div className="flex min-w-0 flex-1 flex-col gap-3">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
            <div className="min-w-0">
              <h1 id="profile-name" className="truncate text-2xl font-bold sm:text-3xl">
                {profile.name}
              </h1>
              <p className="truncate text-zinc-400">@{profile.displayUsername}</p>
            </div>
            {actions && <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div>}
          </div>
          <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-zinc-400">
            {count(profile.followerCount, 'follower', 'followers')}
            {count(profile.followingCount, 'following', 'following')}
          </p>
          {profile.bio ? (
            <p className="max-w-2xl whitespace-pre-line break-words text-zinc-300">{profile.bio}</p>
          ) : (
            <p className="text-sm text-zinc-400 italic">No bio yet.</p>
          )}
        </div>
      </div>
    </section>
  );
}
