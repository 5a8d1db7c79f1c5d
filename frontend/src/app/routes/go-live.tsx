import { Suspense, lazy } from 'react';
import { Spinner } from '@/components/spinner.tsx';

// LiveKit is large: only the pages that publish or play video download it.
const BrowserPublisher = lazy(() => import('@/features/go-live/components/browser-publisher.tsx'));

export function GoLiveRoute() {
  return (
    <section className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">Go live from your browser</h1>
        <p className="text-sm text-zinc-400">
          Your camera or screen and your microphone go straight to your viewers, with no extra software.
        </p>
      </div>
      <Suspense
        fallback={
          <div className="flex justify-center py-16" role="status">
            <Spinner />
            <span className="sr-only">Loading…</span>
          </div>
        }
      >
        <BrowserPublisher />
      </Suspense>
    </section>
  );
}
