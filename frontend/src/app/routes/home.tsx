import { Link } from 'react-router';
import { paths } from '@/config/paths.ts';
import { useSessionStore } from '@/features/auth/stores/session-store.ts';
import { LiveNowSection } from '@/features/discovery/components/live-now-section.tsx';
import { FollowingSection } from '@/features/discovery/components/following-section.tsx';
import { RecommendedSection } from '@/features/discovery/components/recommended-section.tsx';
import { UpcomingSection } from '@/features/schedule/components/upcoming-section.tsx';
import { useLiveCardUpdates } from '@/features/discovery/hooks/use-live-card-updates.ts';
import type { StreamCard } from '@/features/discovery/api/discovery-api.ts';

const watchHref = (card: StreamCard) => paths.watch.to(card.username);

export function HomeRoute() {
  const { status, user, likelySignedIn } = useSessionStore();
  // Shown from the first paint for a likely visitor, so the page does not shift down when the session is known.
  const welcome = status === 'signed-out' || (status === 'loading' && !likelySignedIn);
  // One subscription for the whole page: counts and titles change in place, go-live and offline re-read once.
  useLiveCardUpdates();
  return (
    <div className="mx-auto flex max-w-screen-2xl flex-col gap-10 px-4 py-6 sm:py-8">
      {welcome && (
        <section className="flex flex-col items-start gap-3 rounded-2xl border border-zinc-800 bg-gradient-to-br from-accent-600/20 via-zinc-900 to-zinc-950 p-6 sm:p-10">
          <h1 className="text-3xl font-extrabold tracking-tight sm:text-4xl">
            Live streams with <span className="text-accent-400">sub-second</span> delay
          </h1>
          <p className="max-w-xl text-zinc-300">Go live from your browser or OBS, and talk with your chat in real time.</p>
          <Link
            to={paths.signUp.to()}
            className="rounded-lg bg-accent-600 px-5 py-2.5 font-semibold text-white hover:bg-accent-500"
          >
            Start streaming
          </Link>
        </section>
      )}
      <LiveNowSection
        cardHref={watchHref}
        emptyAction={
          user ? (
            <Link to={paths.goLive.to()} className="font-semibold text-accent-400 hover:underline">
              Be the first: go live
            </Link>
          ) : undefined
        }
      />
      {user && <FollowingSection cardHref={watchHref} />}
      <UpcomingSection hrefOf={paths.watch.to} />
      <RecommendedSection cardHref={watchHref} />
    </div>
  );
}
