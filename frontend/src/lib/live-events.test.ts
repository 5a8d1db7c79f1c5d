import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeEventSource } from './fake-event-source.ts';
import { EVENT_STREAM_URL, reconnectDelayMs } from './event-hub.ts';
import { useLiveEvents, type LiveEvent } from './live-events.ts';

const wentLive: LiveEvent = {
  type: 'stream.live',
  hostId: 'host-1',
  username: 'cleo',
  isLive: true,
  viewerCount: 0,
  startedAt: '2026-01-01T12:00:00.000Z',
  title: 'Morning stream',
};

beforeEach(() => {
  vi.useFakeTimers();
  FakeEventSource.opened = [];
  vi.stubGlobal('EventSource', FakeEventSource);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('live events', () => {
  it("hands each page its events — one creator's or everyone's — from one connection", () => {
    const onCleo = vi.fn();
    const onAnyone = vi.fn();
    renderHook(() => useLiveEvents({ hostId: 'host-1' }, onCleo));
    renderHook(() => useLiveEvents({}, onAnyone));
    expect(FakeEventSource.opened.map((source) => source.url)).toEqual([EVENT_STREAM_URL]);

    const elsewhere = { ...wentLive, hostId: 'host-2', username: 'remy' };
    FakeEventSource.latest().send(wentLive);
    FakeEventSource.latest().send(elsewhere);
    FakeEventSource.latest().send({ type: 'notification', unreadCount: 1, notification: {} });
    expect(onCleo).toHaveBeenCalledExactlyOnceWith(wentLive);
    expect(onAnyone.mock.calls).toEqual([[wentLive], [elsewhere]]);
  });

  it('does not connect before the page knows whose events it wants', () => {
    renderHook(() => useLiveEvents(null, vi.fn()));
    expect(FakeEventSource.opened).toHaveLength(0);
  });

  it('tells the page each time the stream opens, so it can re-read what it may have missed', () => {
    const onOpen = vi.fn();
    renderHook(() => useLiveEvents({}, vi.fn(), onOpen));
    FakeEventSource.latest().open();
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('reconnects by itself after the server refused (e.g. busy), waiting longer after each failure', () => {
    const onOpen = vi.fn();
    renderHook(() => useLiveEvents({}, vi.fn(), onOpen));
    FakeEventSource.latest().fail();
    expect(FakeEventSource.opened).toHaveLength(1);
    vi.advanceTimersByTime(1_500); // the first retry comes within 0.5–1.5 s
    expect(FakeEventSource.opened).toHaveLength(2);

    FakeEventSource.latest().fail();
    vi.advanceTimersByTime(900); // the second waits at least 1 s
    expect(FakeEventSource.opened).toHaveLength(2);
    vi.advanceTimersByTime(2_100);
    expect(FakeEventSource.opened).toHaveLength(3);
    FakeEventSource.latest().open();
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('closes the connection and stops retrying when the page goes away', async () => {
    const { unmount } = renderHook(() => useLiveEvents({}, vi.fn()));
    const source = FakeEventSource.latest();
    source.fail();
    unmount();
    await Promise.resolve(); // the stream is let go once the commit is over, in case the next page wants it
    vi.advanceTimersByTime(60_000);
    expect(FakeEventSource.opened).toHaveLength(1);
    expect(source.readyState).toBe(FakeEventSource.CLOSED);
  });
});

describe('the reconnect delay', () => {
  it('doubles from 1 s up to 30 s, spread by half either way so clients do not return together', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 10].map((failures) => reconnectDelayMs(failures, middle))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
    expect(reconnectDelayMs(1, () => 0)).toBe(500);
    expect(reconnectDelayMs(1, () => 0.999)).toBe(1499);
  });
});
