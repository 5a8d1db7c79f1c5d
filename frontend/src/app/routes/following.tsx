import { Navigate } from 'react-router';
import { paths } from '@/config/paths.ts';
import { Spinner } from '@/components/spinner.tsx';
import { useSessionStore } from '@/features/auth/stores/session-store.ts';
import { FollowingList } from '@/features/social/components/following-list.tsx';

export function FollowingRoute() {
  const { status, user } = useSessionStore();
  if (status === 'loading')
    return (
      <div className="flex justify-center py-20" role="status">
        <Spinner />
        <span className="sr-only">Loading…</span>
      </div>
    );
  if (!user) return <Navigate to={paths.signIn.to(paths.following.to())} replace />;
  return (
    <div className="mx-auto flex max-w-screen-xl flex-col gap-6 px-4 py-6 sm:py-10">
      <title>Following · Streamhouse</title>
      <h1 className="text-2xl font-bold">Following</h1>
      <FollowingList owner={user.username} />
    </div>
  );
}
