import { Link } from 'react-router';
import { paths } from '@/config/paths.ts';
import { Spinner } from '@/components/spinner.tsx';
import { StatusPanel } from '@/components/status-panel.tsx';
import { useServerState } from '@/lib/use-server-state.ts';
import { type SessionReport } from '../api/get-session-reports.ts';
import { sessionReportsQuery } from '../api/session-reports-queries.ts';

function duration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours) return `${hours}h ${minutes}m`;
  if (minutes) return `${minutes}m ${seconds % 60}s`;
  return `${seconds}s`;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="flex flex-col">
      <dt className="text-xs text-zinc-400">{label}</dt>
      <dd className="text-lg font-bold tabular-nums text-zinc-100">{value}</dd>
    </div>
  );
}

function SessionCard({ report }: { report: SessionReport }) {
  return (
    <article className="rounded-xl border border-zinc-800 bg-zinc-900/60 p-4" data-testid="session-report">
      <header className="mb-3 flex flex-wrap items-center gap-2">
        <h3 className="font-semibold">{dateFormat.format(new Date(report.startedAt))}</h3>
        {report.isLive ? (
          <span className="rounded bg-red-600 px-1.5 py-0.5 text-xs font-bold uppercase text-white">Live now</span>
        ) : (
          <span className="text-sm text-zinc-400">{duration(report.durationSeconds)}</span>
        )}
        <Link
          to={paths.analyticsSession.to(report.id)}
          className="ml-auto text-sm font-semibold text-accent-400 hover:underline"
          aria-label={`Charts for the broadcast of ${dateFormat.format(new Date(report.startedAt))}`}
        >
          Charts →
        </Link>
      </header>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Figure label="Peak viewers" value={report.peakViewers} />
        <Figure label="Average viewers" value={report.averageViewers} />
        <Figure label="Unique viewers" value={report.uniqueViewers} />
        <Figure label="Total watch time" value={duration(report.totalWatchSeconds)} />
        <Figure label="Average watch time" value={duration(report.averageWatchSeconds)} />
        <Figure label="Chat messages" value={report.chatMessages} />
      </dl>
    </article>
  );
}

/** Per-broadcast viewer figures, newest first. */
export function SessionReports() {
  const { state } = useServerState(sessionReportsQuery());

  if (state.status === 'loading')
    return (
      <div className="flex justify-center py-12" role="status">
        <Spinner />
        <span className="sr-only">Loading analytics…</span>
      </div>
    );
  if (state.status === 'error')
    return (
      <StatusPanel title="Could not load analytics">
        {state.error instanceof Error ? state.error.message : 'Please try again.'}
      </StatusPanel>
    );
  if (state.data.length === 0)
    return <StatusPanel title="No broadcasts yet">Go live once and your viewer numbers show up here.</StatusPanel>;
  return (
    <div className="flex flex-col gap-4">
      {state.data.map((report) => (
        <SessionCard key={report.id} report={report} />
      ))}
    </div>
  );
}
