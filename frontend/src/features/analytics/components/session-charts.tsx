import { useMemo, type ReactNode } from 'react';
import { Spinner } from '@/components/spinner.tsx';
import { StatusPanel } from '@/components/status-panel.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { useSessionDetail, type SessionDetail, type ViewerSource } from '../api/session-detail-api.ts';
import { TimeChart } from './time-chart.tsx';

const SOURCE_LABELS: Record<ViewerSource, string> = {
  HOME: 'Home page',
  SEARCH: 'Search',
  PROFILE: 'Your profile',
  FOLLOWING: 'Following page',
  DIRECT: 'Direct link',
};

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function minutes(seconds: number): string {
  const total = Math.round(seconds / 60);
  return total >= 60 ? `${Math.floor(total / 60)} h ${total % 60} min` : `${total} min`;
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex min-w-0 flex-col gap-3 rounded-xl border border-zinc-800 bg-zinc-900/60 p-4">
      <h2 className="font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function Sources({ sources, total }: { sources: SessionDetail['sources']; total: number }) {
  if (total === 0) return <p className="text-sm text-zinc-400">No viewers in this broadcast.</p>;
  return (
    <ul className="flex flex-col gap-2" data-testid="viewer-sources">
      {sources.map(({ source, viewers }) => {
        const share = Math.round((viewers / total) * 100);
        return (
          <li key={source ?? 'unknown'} className="flex flex-col gap-1 text-sm">
            <div className="flex justify-between gap-3">
              <span className="text-zinc-200">{source ? SOURCE_LABELS[source] : 'Not known'}</span>
              <span className="tabular-nums text-zinc-400">
                {viewers} · {share}%
              </span>
            </div>
            <div className="h-2 overflow-hidden rounded-full bg-zinc-800" aria-hidden="true">
              <div className="h-full rounded-full bg-accent-500" style={{ width: `${share}%` }} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function Charts({ detail }: { detail: SessionDetail }) {
  const viewers = useMemo(
    () => ({ x: detail.viewers.map((point) => Date.parse(point.at) / 1000), y: detail.viewers.map((point) => point.viewers) }),
    [detail.viewers],
  );
  const chat = useMemo(() => {
    const start = Date.parse(detail.session.startedAt) / 1000;
    return { x: detail.chatPerMinute.map((_count, minute) => start + minute * 60), y: detail.chatPerMinute };
  }, [detail.session.startedAt, detail.chatPerMinute]);
  const peakIndex = viewers.y.indexOf(Math.max(0, ...viewers.y));
  const busiest = Math.max(0, ...chat.y);
  const sourceTotal = detail.sources.reduce((sum, each) => sum + each.viewers, 0);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <p className="text-sm text-zinc-400 lg:col-span-2" data-testid="broadcast-summary">
        {detail.title && <span className="font-semibold text-zinc-200">{detail.title} · </span>}
        {dateFormat.format(new Date(detail.session.startedAt))} ·{' '}
        {detail.session.isLive ? 'live now' : minutes(detail.session.durationSeconds)} · {detail.session.uniqueViewers}{' '}
        {detail.session.uniqueViewers === 1 ? 'viewer' : 'viewers'}, peak {detail.session.peakViewers}
      </p>
      <Panel title="Viewers over time">
        <TimeChart
          x={viewers.x}
          y={viewers.y}
          kind="line"
          label="Concurrent viewers"
          testId="viewers-chart"
          summary={
            peakIndex >= 0 && viewers.y[peakIndex]
              ? `peak of ${viewers.y[peakIndex]} around ${timeFormat.format(new Date(viewers.x[peakIndex]! * 1000))}`
              : 'no viewers'
          }
        />
      </Panel>
      <Panel title="Chat messages per minute">
        <TimeChart
          x={chat.x}
          y={chat.y}
          kind="bars"
          label="Chat messages per minute"
          testId="chat-chart"
          summary={`${detail.session.chatMessages} messages, at most ${busiest} in one minute`}
        />
      </Panel>
      <Panel title="Where viewers came from">
        <Sources sources={detail.sources} total={sourceTotal} />
      </Panel>
      <Panel title="Followers">
        <p className="text-3xl font-bold tabular-nums" data-testid="new-followers">
          +{detail.newFollowers}
        </p>
        <p className="text-sm text-zinc-400">new followers during this broadcast</p>
      </Panel>
    </div>
  );
}

/** One broadcast's charts. Default export: lazily loaded, so the chart library is only downloaded here. */
export default function SessionCharts({ sessionId }: { sessionId: string }) {
  const query = useSessionDetail(sessionId);
  if (query.data === undefined) {
    if (query.error instanceof ApiError && query.error.status === 404)
      return <StatusPanel title="No such broadcast">It may have been deleted.</StatusPanel>;
    if (query.isError) return <StatusPanel title="Could not load this broadcast">Reload the page to try again.</StatusPanel>;
    return (
      <div className="flex justify-center py-12" role="status">
        <Spinner />
        <span className="sr-only">Loading charts…</span>
      </div>
    );
  }
  return <Charts detail={query.data} />;
}
