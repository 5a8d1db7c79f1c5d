import { FollowingList } from '@/features/social/components/following-list.tsx';
import { SignedInOnly } from './signed-in-only.tsx';

export function FollowingRoute() {
  return (
    <SignedInOnly>
      {(user) => (
        <div className="mx-auto flex max-w-screen-xl flex-col gap-6 px-4 py-6 sm:py-10">
          <title>Following · Streamhouse</title>
          <h1 className="text-2xl font-bold">Following</h1>
          <FollowingList owner={user.username} />
        </div>
      )}
    </SignedInOnly>
  );
}
