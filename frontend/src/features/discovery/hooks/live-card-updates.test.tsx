import { QueryClient, QueryClientProvider, QueryObserver } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeEventSource } from '@/lib/fake-event-source.ts';
import type { LiveEvent } from '@/lib/live-events.ts';
import type { StreamCard, StreamCardPage } from '../api/discovery-api.ts';
import { REFETCH_SPREAD_MS, withLiveUpdate } from './live-card-updates.ts';
import { discoveryKeys } from '../api/discovery-queries.ts';
import { useLiveCardUpdates } from './use-live-card-updates.ts';

const card = (hostId: string, viewerCount: number): StreamCard => ({
  hostId,
  username: hostId,
  displayName: hostId,
  avatarUrl: null,
  title: `${hostId}'s stream`,
  thumbnailUrl: null,
  liveThumbnailUrl: null,
  isLive: true,
  viewerCount,
  startedAt: '2026-01-01T12:00:00.000Z',
  category: null,
  tags: [],
});

const event = (type: LiveEvent['type'], hostId: string, change: Partial<LiveEvent> = {}): LiveEvent => ({
  type,
  hostId,
  username: hostId,
  isLive: type !== 'stream.offline',
  viewerCount: 0,
  startedAt: null,
  title: `${hostId}'s stream`,
  ...change,
});

describe('a live event applied to a list of cards', () => {
  it("changes the card's viewer count and title, in plain lists and in pages", () => {
    const update = event('stream.updated', 'cleo', { viewerCount: 42, title: 'Now with guests' });
    const [updated] = withLiveUpdate([card('cleo', 3)], update);
    expect(updated).toMatchObject({ viewerCount: 42, title: 'Now with guests' });

    const page: StreamCardPage = { items: [card('ada', 1), card('cleo', 3)], total: 2, page: 1, limit: 20, totalPages: 1 };
    const updatedPage = withLiveUpdate(page, update);
    expect(updatedPage.items.map((c) => c.viewerCount)).toEqual([1, 42]);
    expect(updatedPage.total).toBe(2);
  });

  it('shows no viewers for a stream that ended', () => {
    expect(withLiveUpdate([card('cleo', 3)], event('stream.offline', 'cleo', { viewerCount: 3 }))[0]?.viewerCount).toBe(0);
  });

  it('leaves a list without that stream untouched (same object: nothing re-renders)', () => {
    const list = { items: [card('ada', 1)] };
    expect(withLiveUpdate(list, event('stream.updated', 'cleo'))).toBe(list);
  });
});

describe('stream cards on a page', () => {
  let queryClient: QueryClient;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );

  beforeEach(() => {
    vi.useFakeTimers();
    FakeEventSource.opened = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    queryClient = new QueryClient();
  });
  afterEach(() => {
    queryClient.clear();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  /** A list some page shows (an active query), with a query function that counts how often the server is asked. */
  async function shownList(name: string, cards: StreamCard[]) {
    const fetchList = vi.fn(async () => ({ items: cards }));
    const observer = new QueryObserver(queryClient, {
      queryKey: discoveryKeys.cardList(name),
      queryFn: fetchList,
      staleTime: Infinity,
    });
    observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(observer.getCurrentResult().status).toBe('success'));
    fetchList.mockClear();
    return fetchList;
  }

  it('update their viewer counts in place from events, without asking the server', async () => {
    const fetchLive = await shownList('live', [card('cleo', 3)]);
    renderHook(() => useLiveCardUpdates(), { wrapper });
    const source = FakeEventSource.latest();
    source.open();
    source.send(event('stream.updated', 'cleo', { viewerCount: 7 }));
    expect(queryClient.getQueryData<{ items: StreamCard[] }>(discoveryKeys.cardList('live'))?.items[0]?.viewerCount).toBe(7);
    vi.advanceTimersByTime(REFETCH_SPREAD_MS);
    expect(fetchLive).not.toHaveBeenCalled();
  });

  it('keep the newest count when a list answer from before the event arrives late', async () => {
    const fetchLive = await shownList('live', [card('cleo', 3)]);
    renderHook(() => useLiveCardUpdates(), { wrapper });
    const source = FakeEventSource.latest();
    source.open();
    source.send(event('stream.updated', 'cleo', { viewerCount: 7 }));
    // The server answers a reload from its one-second cache: still the old count.
    fetchLive.mockResolvedValue({ items: [card('cleo', 3)] });
    await queryClient.refetchQueries({ queryKey: discoveryKeys.cardList('live') });
    expect(fetchLive).toHaveBeenCalledTimes(1);
    expect(queryClient.getQueryData<{ items: StreamCard[] }>(discoveryKeys.cardList('live'))?.items[0]?.viewerCount).toBe(7);
  });

  it('are read again once, a little later, when streams go live or end (however many at once)', async () => {
    const fetchLive = await shownList('live', [card('cleo', 3)]);
    renderHook(() => useLiveCardUpdates(), { wrapper });
    const source = FakeEventSource.latest();
    source.open();
    source.send(event('stream.live', 'ada'));
    source.send(event('stream.offline', 'cleo'));
    expect(fetchLive).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(REFETCH_SPREAD_MS);
    expect(fetchLive).toHaveBeenCalledTimes(1);
  });
});
