import type { LiveEvent } from '@/lib/live-events.ts';
import type { StreamCard } from '../api/discovery-api.ts';
import { discoveryKeys } from '../api/discovery-queries.ts';

/** Every cached list of stream cards has a key under discoveryKeys.cardLists, so a live event can reach them all. */
export const isCardListKey = (queryKey: readonly unknown[]) => queryKey[0] === discoveryKeys.cardLists[0];

type CardList = StreamCard[] | { items: StreamCard[] };

/**
 * A viewer count or title change, applied to a cached list in place: the event carries the new values, so no
 * page asks the server again. Lists it changes nothing in come back unchanged (the same object).
 */
export function withLiveUpdate<T>(data: T, event: LiveEvent): T {
  const viewerCount = event.isLive ? event.viewerCount : 0;
  const changes = (card: StreamCard) =>
    card.hostId === event.hostId && (card.viewerCount !== viewerCount || card.title !== event.title);
  const update = (cards: StreamCard[]) => {
    if (!cards.some(changes)) return cards;
    return cards.map((card) => (changes(card) ? { ...card, viewerCount, title: event.title } : card));
  };
  const list = data as CardList | undefined;
  if (Array.isArray(list)) {
    const updated = update(list);
    return (updated === list ? data : updated) as T;
  }
  if (list && Array.isArray(list.items)) {
    const items = update(list.items);
    return (items === list.items ? data : { ...list, items }) as T;
  }
  return data;
}

/** A stream going live or ending changes which cards a list holds: that needs the server, once, a little later. */
export const needsRefetch = (event: LiveEvent) => event.type !== 'stream.updated';

/** Up to this long, at random, so thousands of open pages do not ask at the same moment. */
export const REFETCH_SPREAD_MS = 2000;
