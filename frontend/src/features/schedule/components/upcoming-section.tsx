import { Link } from 'react-router';
import { Avatar } from '@/components/avatar.tsx';
import { useServerState } from '@/lib/use-server-state.ts';
import { type UpcomingItem } from '../api/schedule-api.ts';
import { formatTimeUntil } from '@/lib/format-time.ts';
import { useCountdown } from '@/lib/use-clock.ts';
import { upcomingQuery } from '../api/schedule-queries.ts';

function UpcomingCard({ item, href }: { item: UpcomingItem; href: string }) {
  const countdown = formatTimeUntil(useCountdown(Date.parse(item.schedule.startsAt), 1000));
  return (
    <li className="w-64 shrink-0 snap-start">
      <Link
        to={href}
        className="flex h-full flex-col gap-2 rounded-xl border border-zinc-800 bg-zinc-900/70 p-3 hover:border-accent-500"
        data-testid="upcoming-card"
      >
        <span className="flex items-center gap-2">
          <Avatar url={item.avatarUrl} name={item.username} size="sm" />
          <span className="truncate text-sm font-semibold text-zinc-100">{item.username}</span>
        </span>
        <span className="line-clamp-2 text-sm text-zinc-200">{item.schedule.title}</span>
        {item.schedule.category && <span className="text-xs text-zinc-400">{item.schedule.category.name}</span>}
        <span className="mt-auto text-xs font-semibold text-accent-400">{countdown}</span>
      </Link>
    </li>
  );
}

/** The home page's "Upcoming" row: announced streams, soonest first; hidden when there are none. */
export function UpcomingSection({ hrefOf }: { hrefOf: (username: string) => string }) {
  const { state } = useServerState(upcomingQuery());
  if (state.status !== 'ready' || state.data.items.length === 0) return null;
  return (
    <section aria-labelledby="section-upcoming" className="flex flex-col gap-4">
      <h2 id="section-upcoming" className="text-xl font-bold tracking-tight">
        Upcoming
      </h2>
      <ul className="-mx-4 flex snap-x gap-3 overflow-x-auto px-4 pb-2">
        {state.data.items.map((item) => (
          <UpcomingCard key={item.hostId} item={item} href={hrefOf(item.username)} />
        ))}
      </ul>
    </section>
  );
}
