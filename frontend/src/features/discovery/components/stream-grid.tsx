import type { ReactNode } from 'react';
import { Button } from '@/components/button.tsx';
import type { StreamCard as StreamCardData } from '../api/discovery-api.ts';
import type { QueryState } from '@/lib/use-server-state.ts';
import { StreamCard } from './stream-card.tsx';

const GRID = 'grid grid-cols-1 gap-x-4 gap-y-6 min-[480px]:grid-cols-2 md:grid-cols-3 xl:grid-cols-4';
/**
 * While loading: one row of card-shaped placeholders at every width (1, 2, 3 or 4 columns, as GRID), about as tall
 * as a row of cards, so the sections below do not jump when a short list arrives.
 */
const PLACEHOLDERS = ['flex', 'hidden min-[480px]:flex', 'hidden md:flex', 'hidden xl:flex'];

/** A titled list of channels with its loading, error and empty states. */
export function StreamGrid({
  title,
  state,
  cardHref,
  empty,
  onRetry,
  footer,
}: {
  title: string;
  state: QueryState<StreamCardData[]>;
  cardHref: (card: StreamCardData) => string;
  empty: ReactNode;
  onRetry: () => void;
  footer?: ReactNode;
}) {
  const headingId = `section-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <h2 id={headingId} className="text-xl font-bold tracking-tight">
        {title}
      </h2>
      {state.status === 'loading' && (
        <div className={GRID} aria-busy="true" aria-label={`Loading ${title}`}>
          {PLACEHOLDERS.map((visibility) => (
            <div key={visibility} className={`${visibility} flex-col gap-2`}>
              <div className="aspect-video animate-pulse rounded-xl bg-zinc-900" />
              <div className="h-10 animate-pulse rounded-lg bg-zinc-900/60" />
            </div>
          ))}
        </div>
      )}
      {state.status === 'error' && (
        <div
          className="flex items-center gap-3 rounded-xl border border-zinc-800 bg-zinc-900/60 p-4 text-sm text-zinc-300"
          role="alert"
        >
          {state.error instanceof Error ? state.error.message : `Could not load ${title}.`}
          <Button variant="secondary" onClick={onRetry}>
            Retry
          </Button>
        </div>
      )}
      {state.status === 'ready' &&
        (state.data.length === 0 ? (
          <div className="rounded-xl border border-dashed border-zinc-800 p-6 text-center text-sm text-zinc-400">{empty}</div>
        ) : (
          <div className={GRID}>
            {state.data.map((card) => (
              <StreamCard key={card.hostId} card={card} href={cardHref(card)} />
            ))}
          </div>
        ))}
      {footer}
    </section>
  );
}
