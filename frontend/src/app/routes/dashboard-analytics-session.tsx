import { Suspense, lazy } from 'react';
import { Link, useParams } from 'react-router';
import { paths } from '@/config/paths.ts';
import { Spinner } from '@/components/spinner.tsx';

// The chart library (uPlot) is downloaded only for this page.
const SessionCharts = lazy(() => import('@/features/analytics/components/session-charts.tsx'));

export function DashboardAnalyticsSessionRoute() {
  const { sessionId = '' } = useParams();
  return (
    <section className="flex flex-col gap-4">
      <title>Broadcast analytics · Streamhouse</title>
      <div className="flex flex-col gap-1">
        <Link to={paths.analytics.to()} className="self-start text-sm font-semibold text-accent-400 hover:underline">
          ← All broadcasts
        </Link>
        <h1 className="text-2xl font-bold">Broadcast analytics</h1>
      </div>
      <Suspense
        fallback={
          <div className="flex justify-center py-12" role="status">
            <Spinner />
            <span className="sr-only">Loading charts…</span>
          </div>
        }
      >
        <SessionCharts sessionId={sessionId} />
      </Suspense>
    </section>
  );
}
