import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '@/lib/api-client.ts';
import { useServerState } from '@/lib/use-server-state.ts';
import { BellIcon } from '@/components/icons.tsx';
import { calendarUrl, setReminder, type Schedule } from '../api/schedule-api.ts';
import { formatTimeUntil } from '@/lib/format-time.ts';
import { useCountdown } from '@/lib/use-clock.ts';
import { channelScheduleQuery } from '../api/schedule-queries.ts';

const when = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

function Countdown({ schedule }: { schedule: Schedule }) {
  const countdown = formatTimeUntil(useCountdown(Date.parse(schedule.startsAt), 1000));
  return (
    <p className="text-sm text-zinc-300">
      <time dateTime={schedule.startsAt}>{when.format(new Date(schedule.startsAt))}</time> ·{' '}
      <span className="font-semibold text-accent-400" data-testid="countdown">
        {countdown}
      </span>
    </p>
  );
}

/**
 * A channel's next announced stream, on its offline watch page and its profile: the time with a countdown,
 * "Remind me" (signed in; a notification when they go live) and an .ics download. Nothing when none is announced.
 */
export function NextStreamCard({
  username,
  signInHref,
  isOwner = false,
  compact = false,
}: {
  username: string;
  signInHref: string | null;
  isOwner?: boolean;
  /** Inside the player's offline frame: smaller, so it fits a phone-sized player. */
  compact?: boolean;
}) {
  const { state, setData } = useServerState(channelScheduleQuery(username));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  if (state.status !== 'ready' || !state.data.schedule) return null;
  const { schedule, reminded } = state.data;

  async function toggle() {
    setPending(true);
    setError(undefined);
    try {
      const next = await setReminder(username, !reminded);
      setData((current) => ({ ...current, reminded: next.reminded }));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'That did not work. Please try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <section
      aria-label="Next stream"
      className={`flex flex-col rounded-xl border border-zinc-800 bg-zinc-900/80 ${compact ? 'w-full max-w-md gap-2 p-2.5 text-center sm:gap-3 sm:p-4' : 'gap-3 p-4 sm:flex-row sm:items-center sm:justify-between'}`}
      data-testid="next-stream"
    >
      <div className="min-w-0">
        <p className={`text-xs font-semibold uppercase tracking-wide text-zinc-400 ${compact ? 'hidden sm:block' : ''}`}>
          Next stream
        </p>
        <p className={`font-semibold text-zinc-100 ${compact ? 'line-clamp-2' : 'truncate'}`}>{schedule.title}</p>
        {schedule.category && (
          <p className={`text-xs text-zinc-400 ${compact ? 'hidden sm:block' : ''}`}>{schedule.category.name}</p>
        )}
        <Countdown schedule={schedule} />
      </div>
      <div
        className={`flex shrink-0 flex-wrap items-center gap-2 ${compact ? 'justify-center ' : ''}${compact ? '[&>*]:px-2.5 [&>*]:py-1.5 [&>*]:text-xs sm:[&>*]:px-3 sm:[&>*]:py-2 sm:[&>*]:text-sm' : ''}`}
      >
        {!isOwner &&
          (signInHref ? (
            <Link
              to={signInHref}
              className="inline-flex items-center gap-2 rounded-lg bg-accent-600 px-3 py-2 text-sm font-semibold text-white hover:bg-accent-500"
            >
              <BellIcon className="size-4" /> Remind me
            </Link>
          ) : (
            <button
              type="button"
              onClick={() => void toggle()}
              disabled={pending}
              aria-pressed={reminded}
              className={`inline-flex items-center gap-2 rounded-lg px-3 py-2 text-sm font-semibold disabled:opacity-60 ${reminded ? 'bg-zinc-800 text-zinc-100 hover:bg-zinc-700' : 'bg-accent-600 text-white hover:bg-accent-500'}`}
            >
              <BellIcon className="size-4" /> {reminded ? 'Reminder set' : 'Remind me'}
            </button>
          ))}
        <a
          href={calendarUrl(username)}
          download
          className="rounded-lg bg-zinc-800 px-3 py-2 text-sm font-semibold text-zinc-100 hover:bg-zinc-700"
        >
          Add to calendar
        </a>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-400">
          {error}
        </p>
      )}
    </section>
  );
}
