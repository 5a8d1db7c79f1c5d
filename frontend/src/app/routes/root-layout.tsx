import { useEffect } from 'react';
import { Link, Outlet, useNavigate } from 'react-router';
import { paths } from '@/config/paths.ts';
import { UserMenu } from '@/features/auth/components/user-menu.tsx';
import { useSessionStore } from '@/features/auth/stores/session-store.ts';
import { SearchBox } from '@/features/discovery/components/search-box.tsx';
import { useRememberPages } from '@/lib/page-history.ts';
import { useEventStreamSession } from '@/lib/live-events.ts';
import { GridIcon } from '@/components/icons.tsx';
import { NotificationBell } from '@/features/notifications/components/notification-bell.tsx';

export function RootLayout() {
  const loadSession = useSessionStore((state) => state.load);
  // Keyed by the user: signing in as someone else starts a new bell (its own list).
  const userId = useSessionStore((state) => state.user?.id);
  const sessionKnown = useSessionStore((state) => state.status !== 'loading');
  // Signing in or out reopens the browser's one event stream, so it carries the right user's notifications.
  useEventStreamSession(sessionKnown ? (userId ?? null) : undefined);
  const navigate = useNavigate();
  // Where a viewer came from, for the creator's analytics (features/watch/api/viewer-source.ts).
  useRememberPages();
  // Once per page load: who is signed in.
  useEffect(() => {
    void loadSession();
  }, [loadSession]);

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-zinc-900 focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-40 border-b border-zinc-800/80 bg-zinc-950/90 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-screen-2xl items-center justify-between gap-2 px-4 sm:gap-4">
          <Link to={paths.home.to()} className="flex items-center gap-2 text-lg font-bold tracking-tight">
            <img src="/favicon.svg" alt="" className="size-7" />
            <span className="sr-only sm:not-sr-only">Streamhouse</span>
          </Link>
          <Link
            to={paths.browse.to()}
            aria-label="Browse"
            className="flex shrink-0 items-center gap-1.5 rounded-lg p-2 text-sm font-semibold text-zinc-300 hover:bg-zinc-800 hover:text-white sm:px-3"
          >
            <GridIcon className="size-5 sm:hidden" />
            <span className="hidden sm:inline">Browse</span>
          </Link>
          <div className="flex flex-1 justify-center">
            <SearchBox onSearch={(query) => navigate(paths.search.to(query))} />
          </div>
          <div className="flex shrink-0 items-center gap-1 sm:gap-2">
            {userId && <NotificationBell key={userId} userId={userId} />}
            <UserMenu />
          </div>
        </div>
      </header>
      <main id="main" className="flex-1">
        <Outlet />
      </main>
    </div>
  );
}
