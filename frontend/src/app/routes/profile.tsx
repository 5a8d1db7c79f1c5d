import { Link, useParams } from 'react-router';
import { paths } from '@/config/paths.ts';
import { Button } from '@/components/button.tsx';
import { Spinner } from '@/components/spinner.tsx';
import { StatusPanel } from '@/components/status-panel.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { useServerState } from '@/lib/use-server-state.ts';
import { useSessionStore } from '@/features/auth/stores/session-store.ts';
import { type PublicProfile } from '@/features/profile/api/profile-api.ts';
import { ProfileHeader } from '@/features/profile/components/profile-header.tsx';
import { ChannelStatus } from '@/features/profile/components/channel-status.tsx';
import { FollowButton } from '@/features/social/components/follow-button.tsx';
import { MuteButton } from '@/features/notifications/components/mute-button.tsx';
import { NextStreamCard } from '@/features/schedule/components/next-stream-card.tsx';
import { BlockButton } from '@/features/social/components/block-button.tsx';
import { ChannelReplays } from '@/features/replays/components/channel-replays.tsx';
import { profileQuery } from '@/features/profile/api/profile-queries.ts';

const LINK_BUTTON = 'rounded-lg px-4 py-2 text-sm font-semibold';

function ProfileActions({
  profile,
  onChange,
}: {
  profile: PublicProfile;
  onChange: (update: (profile: PublicProfile) => PublicProfile) => void;
}) {
  const { viewer } = profile;
  if (viewer?.isSelf)
    return (
      <Link to={paths.settings.to()} className={`${LINK_BUTTON} bg-zinc-800 text-zinc-100 hover:bg-zinc-700`}>
        Edit profile
      </Link>
    );
  if (!viewer)
    return (
      <Link
        to={paths.signIn.to(paths.profile.to(profile.displayUsername))}
        className={`${LINK_BUTTON} bg-accent-600 text-white hover:bg-accent-500`}
      >
        Follow
      </Link>
    );
  return (
    <>
      {!viewer.isBlocking && (
        <FollowButton
          username={profile.username}
          following={viewer.isFollowing}
          onChange={({ following, followerCount }) =>
            onChange((current) => ({ ...current, followerCount, viewer: { ...viewer, isFollowing: following } }))
          }
        />
      )}
      {viewer.isFollowing && !viewer.isBlocking && <MuteButton username={profile.displayUsername} />}
      <BlockButton
        username={profile.displayUsername}
        blocking={viewer.isBlocking}
        onChange={(blocking) =>
          onChange((current) => ({
            ...current,
            // Blocking ends the viewer's follow too.
            followerCount: blocking && viewer.isFollowing ? current.followerCount - 1 : current.followerCount,
            viewer: { ...viewer, isBlocking: blocking, isFollowing: blocking ? false : viewer.isFollowing },
          }))
        }
      />
    </>
  );
}

function Loading() {
  return (
    <div className="flex justify-center py-24" role="status">
      <Spinner />
      <span className="sr-only">Loading profile…</span>
    </div>
  );
}

export function ProfileRoute() {
  const { username = '' } = useParams();
  const session = useSessionStore((state) => state.user?.id ?? state.status);
  // Who is looking changes the answer (follow state): wait for the session, then load for that viewer.
  if (session === 'loading') return <Loading />;
  return <ProfilePage username={username} viewerKey={session} />;
}

function ProfilePage({ username, viewerKey }: { username: string; viewerKey: string }) {
  const { state, reload, setData } = useServerState(profileQuery(username, viewerKey));

  if (state.status === 'loading') return <Loading />;

  if (state.status === 'error') {
    if (state.error instanceof ApiError && state.error.status === 404)
      return (
        <StatusPanel title="This channel doesn't exist">
          <p>There is no one called “{username}” here. Check the spelling, or find someone to watch on the home page.</p>
          <Link className="mt-3 inline-block font-semibold text-accent-400 hover:underline" to={paths.home.to()}>
            Back to the home page
          </Link>
        </StatusPanel>
      );
    return (
      <StatusPanel title="Could not load this profile">
        <p>{state.error instanceof ApiError ? state.error.message : 'Please try again.'}</p>
        <Button variant="secondary" className="mt-3" onClick={reload}>
          Try again
        </Button>
      </StatusPanel>
    );
  }

  const profile = state.data;
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4 px-4 py-6 sm:py-10">
      <title>{`${profile.name} (@${profile.displayUsername}) · Streamhouse`}</title>
      <ProfileHeader profile={profile} actions={<ProfileActions profile={profile} onChange={setData} />} />
      <ChannelStatus profile={profile} />
      {!profile.isLive && (
        <NextStreamCard
          username={profile.displayUsername}
          isOwner={profile.viewer?.isSelf ?? false}
          signInHref={profile.viewer ? null : paths.signIn.to(paths.profile.to(profile.displayUsername))}
        />
      )}
      <ChannelReplays username={profile.displayUsername} viewerKey={viewerKey} />
    </div>
  );
}
