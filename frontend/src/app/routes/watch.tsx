import { Suspense, lazy } from 'react';
import { useParams } from 'react-router';
import { Spinner } from '@/components/spinner.tsx';

// LiveKit is large: only the watch page downloads it.
const LivePlayer = lazy(() => import('@/features/watch/components/live-player.tsx'));

export function WatchRoute() {
  const { username = '' } = useParams();
  return (
    <section className="mx-auto flex max-w-screen-2xl flex-col gap-4 p-0 sm:p-4">
      <div className="aspect-video w-full overflow-hidden bg-black sm:rounded-xl">
        <Suspense
          fallback={
            <div className="flex h-full items-center justify-center text-zinc-400" role="status">
              <Spinner />
              <span className="sr-only">Loading player…</span>
            </div>
          }
        >
          <LivePlayer username={username} />
        </Suspense>
      </div>
      <h1 className="px-4 text-xl font-bold sm:px-0">{username}</h1>
    </section>
  );
}
