import { Suspense, lazy } from 'react';
import { Navigate, Link } from 'react-router';
import { paths } from '@/config/paths.ts';
import { Spinner } from '@/components/spinner.tsx';
import { useSessionStore } from '@/features/auth/stores/session-store.ts';

const BrowserPublisher = lazy(() => import('@/features/go-live/components/browser-publisher.tsx'));

export function GoLiveRoute() {
  const { status, user } = useSessionStore();
  if (status === 'loading')
    return (
      <div className="flex justify-center py-20" role="status">
        <Spinner />
        <span className="sr-only">Loading…</span>
      </div>
    );
  if (!user) return <Navigate to={paths.signIn.to(paths.goLive.to())} replace />;
  return (
    <section className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-8">
      <div>
        <h1 className="text-2xl font-bold">Go live</h1>
        <p className="text-sm text-zinc-400">
          Viewers watch at{' '}
          <Link className="font-semibold text-accent-400 hover:underline" to={paths.watch.to(user.displayUsername)}>
            /{user.displayUsername}/live
          </Link>
        </p>
      </div>
      <Suspense fallback={<Spinner />}>
        <BrowserPublisher />
      </Suspense>
    </section>
  );
}
