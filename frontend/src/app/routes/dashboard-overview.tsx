import { Suspense, lazy, type ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '@/config/paths.ts';
import { CameraIcon, ScreenIcon } from '@/components/icons.tsx';
import { Spinner } from '@/components/spinner.tsx';
import { IngestHealth } from '@/features/stream-health/components/ingest-health.tsx';
import { CreatorAccessCard } from '@/features/creator-access/components/creator-access-card.tsx';
import { useIsAdmin } from '@/features/admin/api/admin-api.ts';
import { useDashboard } from './dashboard-layout.tsx';

// LiveKit is large: only the pages that publish or play video download it.
const SelfPreview = lazy(() => import('@/features/stream-status/components/self-preview.tsx'));

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-3 rounded-xl border border-zinc-800 bg-zinc-900/60 p-4">
      <h2 className="font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function Option({ to, icon, title, children }: { to: string; icon: ReactNode; title: string; children: string }) {
  return (
    <Link
      to={to}
      className="flex gap-3 rounded-lg border border-zinc-800 p-3 transition-colors hover:border-accent-500 hover:bg-zinc-800/50"
    >
      <span className="mt-0.5 text-accent-400">{icon}</span>
      <span className="flex flex-col gap-0.5">
        <span className="font-semibold text-zinc-100">{title}</span>
        <span className="text-sm text-zinc-400">{children}</span>
      </span>
    </Link>
  );
}

export function DashboardOverviewRoute() {
  const { user, status } = useDashboard();
  const isLive = status.status === 'ready' && status.data.isLive;
  const admin = useIsAdmin();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Overview</h1>
      <div className="grid gap-5 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="flex flex-col gap-2">
          <div className="aspect-video overflow-hidden rounded-xl border border-zinc-800 bg-zinc-950">
            <Suspense
              fallback={
                <div className="flex h-full items-center justify-center" role="status">
                  <Spinner />
                  <span className="sr-only">Loading the preview…</span>
                </div>
              }
            >
              <SelfPreview isLive={isLive} />
            </Suspense>
          </div>
          <p className="text-xs text-zinc-400">
            Your stream as viewers get it, a moment behind you. Only you see this preview, and you are not counted as a viewer.
          </p>
        </div>
        <div className="flex flex-col gap-4">
          <CreatorAccessCard />
          <Card title={isLive ? 'You are live' : 'Go live'}>
            {isLive ? (
              <p className="text-sm text-zinc-400">
                Viewers are watching at{' '}
                <Link className="font-semibold text-accent-400 hover:underline" to={paths.watch.to(user.displayUsername)}>
                  /{user.displayUsername}/live
                </Link>
                . Stop streaming in OBS, or end the stream on the Go live page, to go offline.
              </p>
            ) : (
              <div className="flex flex-col gap-2">
                <Option to={paths.goLive.to()} icon={<CameraIcon />} title="From this browser">
                  Camera or screen plus microphone, no extra software.
                </Option>
                <Option to={paths.dashboardKeys.to()} icon={<ScreenIcon />} title="From OBS">
                  Get an RTMP or WHIP key and paste it into OBS.
                </Option>
              </div>
            )}
          </Card>
          <IngestHealth isLive={isLive} />
          <Card title="Your stream">
            <p className="text-sm text-zinc-400">Set the title, description and thumbnail viewers see.</p>
            <Link to={paths.dashboardStream.to()} className="self-start text-sm font-semibold text-accent-400 hover:underline">
              Edit stream info
            </Link>
          </Card>
          {admin.data?.isAdmin && (
            <Card title="Admin">
              <Link to={paths.adminCreators.to()} className="self-start text-sm font-semibold text-accent-400 hover:underline">
                Review creator requests
              </Link>
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
