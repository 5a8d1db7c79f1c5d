import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useOutletContext } from 'react-router';
import { paths } from '@/config/paths.ts';
import { Avatar } from '@/components/avatar.tsx';
import type { QueryState } from '@/lib/use-server-state.ts';
import type { SessionUser } from '@/features/auth/api/auth-api.ts';
import type { StreamStatus } from '@/features/stream-status/api/stream-status-api.ts';
import { LiveStatus } from '@/features/stream-status/components/live-status.tsx';
import { useStreamStatus } from '@/features/stream-status/hooks/use-stream-status.ts';
import { SignedInOnly } from './signed-in-only.tsx';

/** What every dashboard page gets from the layout (read it with useDashboard()). */
export type DashboardContext = { user: SessionUser; status: QueryState<StreamStatus> };

export function useDashboard(): DashboardContext {
  return useOutletContext<DashboardContext>();
}

const SECTIONS = [
  { label: 'Overview', to: paths.dashboard.to(), end: true },
  { label: 'Go live', to: paths.goLive.to() },
  { label: 'Stream keys', to: paths.dashboardKeys.to() },
  { label: 'Stream info', to: paths.dashboardStream.to() },
  { label: 'Chat', to: paths.dashboardChat.to() },
  { label: 'Recordings', to: paths.dashboardRecordings.to() },
  { label: 'Restream', to: paths.dashboardRestream.to() },
  { label: 'Analytics', to: paths.analytics.to() },
];

/** A creator's address is how they get back in and hear about their channel; some sites require it to go live. */
function ConfirmEmailNote({ email }: { email: string }) {
  return (
    <p
      role="note"
      className="rounded-lg border border-amber-500/30 bg-amber-500/10 px-4 py-3 text-sm text-amber-100"
      data-testid="confirm-email-note"
    >
      Confirm your email address: we sent a link to <span className="font-semibold break-all">{email}</span>.{' '}
      <Link to={paths.settings.to()} className="font-semibold whitespace-nowrap text-amber-300 underline hover:text-amber-200">
        Resend the link or change the address
      </Link>
    </p>
  );
}

function DashboardFrame({ user }: { user: SessionUser }) {
  const { state } = useStreamStatus(user.id);
  const navRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  // On a phone the tabs scroll sideways: keep the current one in view after each navigation.
  useEffect(() => {
    navRef.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);
  return (
    <div className="mx-auto flex w-full max-w-screen-xl flex-col gap-5 px-4 py-5 sm:py-8">
      <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-3">
        <div className="flex min-w-0 items-center gap-3">
          <Avatar url={user.image} name={user.displayUsername} />
          <div className="min-w-0">
            <p className="text-xs font-semibold tracking-wide text-accent-400 uppercase">Creator dashboard</p>
            <p className="truncate font-semibold text-zinc-100">{user.displayUsername}</p>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <LiveStatus state={state} />
          <Link
            to={paths.watch.to(user.displayUsername)}
            className="rounded-lg border border-zinc-700 px-3 py-1.5 text-sm font-semibold whitespace-nowrap text-zinc-200 hover:bg-zinc-800"
          >
            View channel
          </Link>
        </div>
      </header>
      <nav
        ref={navRef}
        aria-label="Dashboard"
        className="-mx-4 overflow-x-auto border-b border-zinc-800 px-4 [scrollbar-width:none]"
      >
        <ul className="flex gap-1">
          {SECTIONS.map((section) => (
            <li key={section.to}>
              <NavLink
                to={section.to}
                end={section.end}
                className={({ isActive }) =>
                  `-mb-px block border-b-2 px-3 py-2.5 text-sm font-semibold whitespace-nowrap transition-colors ${
                    isActive
                      ? 'border-accent-500 text-white'
                      : 'border-transparent text-zinc-400 hover:border-zinc-600 hover:text-zinc-200'
                  }`
                }
              >
                {section.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {!user.emailVerified && <ConfirmEmailNote email={user.email} />}
      <Outlet context={{ user, status: state } satisfies DashboardContext} />
    </div>
  );
}

/** /dashboard/…: the creator's pages share this frame (live status, navigation). Signed-in only. */
export function DashboardLayout() {
  return <SignedInOnly>{(user) => <DashboardFrame user={user} />}</SignedInOnly>;
}
