import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveEvent } from '@streamhouse/contract/events';
import { FakeEventSource } from './fake-event-source.ts';
import { EVENT_STREAM_URL, EventHub, type EventHubPlatform, type EventSubscriber, type TabChannel } from './event-hub.ts';

const live = (hostId: string, change: Partial<LiveEvent> = {}): LiveEvent => ({
  type: 'stream.live',
  hostId,
  username: hostId,
  isLive: true,
  viewerCount: 0,
  startedAt: '2026-01-01T12:00:00.000Z',
  title: `${hostId}'s stream`,
  ...change,
});

/** A browser's tabs: one BroadcastChannel bus (delivered asynchronously, as browsers do) and one Web Lock. */
function fakeBrowser() {
  const members = new Set<TabChannel>();
  const waiting: Array<{ signal: AbortSignal; run: () => Promise<void>; done: (value: unknown) => void }> = [];
  let held = false;
  const grantNext = () => {
    const next = waiting.shift();
    if (!next) return;
    held = true;
    void next.run().then((value) => {
      held = false;
      next.done(value);
      grantNext();
    });
  };
  const platform = (): EventHubPlatform => ({
    openSource: (url) => new FakeEventSource(url) as unknown as EventSource,
    channel: () => {
      const channel: TabChannel = {
        onmessage: null,
        postMessage: (message) => {
          for (const member of members)
            if (member !== channel) queueMicrotask(() => member.onmessage?.(new MessageEvent('message', { data: message })));
        },
        close: () => members.delete(channel),
      };
      members.add(channel);
      return channel;
    },
    lock: (_name, signal, run) =>
      new Promise((done, fail) => {
        const request = { signal, run, done };
        signal.addEventListener('abort', () => {
          const index = waiting.indexOf(request);
          if (index >= 0) waiting.splice(index, 1);
          fail(new DOMException('aborted', 'AbortError'));
        });
        waiting.push(request);
        if (!held) grantNext();
      }),
  });
  return { tab: () => new EventHub(platform()) };
}

function subscriber(): EventSubscriber & { events: LiveEvent[]; opens: number; order: string[] } {
  const seen = { events: [] as LiveEvent[], opens: 0, order: [] as string[] };
  return Object.assign(seen, {
    onEvent: (event: LiveEvent | { type: 'notification' }) => {
      if (event.type === 'notification') return;
      seen.events.push(event as LiveEvent);
      seen.order.push((event as LiveEvent).hostId);
    },
    onOpen: () => {
      seen.opens += 1;
      seen.order.push('open');
    },
  }) as EventSubscriber & typeof seen;
}

/** Lets queued tab messages and lock grants run. */
const settle = async () => {
  for (let turn = 0; turn < 10; turn++) await Promise.resolve();
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

describe('one event stream per browser', () => {
  it('opens one connection for all tabs and hands every event to each of them', async () => {
    const browser = fakeBrowser();
    const [first, second, third] = [subscriber(), subscriber(), subscriber()];
    browser.tab().subscribe(first);
    const other = browser.tab();
    other.subscribe(second);
    other.subscribe(third);
    await settle();

    expect(FakeEventSource.opened.map((source) => source.url)).toEqual([EVENT_STREAM_URL]);
    FakeEventSource.latest().open();
    await settle();
    FakeEventSource.latest().send(live('cleo'));
    await settle();
    for (const tab of [first, second, third]) {
      expect(tab.opens).toBe(1);
      expect(tab.events).toEqual([live('cleo')]);
    }
  });

  it('starts a tab that joins later from the current state of each live stream, as a new connection would', async () => {
    const browser = fakeBrowser();
    browser.tab().subscribe(subscriber());
    await settle();
    FakeEventSource.latest().open();
    FakeEventSource.latest().send(live('cleo'));
    FakeEventSource.latest().send(live('remy'));
    FakeEventSource.latest().send({ ...live('remy'), type: 'stream.offline', isLive: false });
    await settle();

    const late = subscriber();
    browser.tab().subscribe(late);
    await settle();
    expect(late.events).toEqual([{ ...live('cleo'), type: 'stream.updated' }]);
    // As from the server: "open" first (pages drop what they held), then the current state.
    expect(late.order).toEqual(['open', 'cleo']);
    expect(FakeEventSource.opened).toHaveLength(1);
  });

  it('starts a page mounted later in the same tab from the current state too', async () => {
    const tab = fakeBrowser().tab();
    tab.subscribe(subscriber());
    await settle();
    FakeEventSource.latest().open();
    FakeEventSource.latest().send(live('cleo', { viewerCount: 3 }));

    const later = subscriber();
    tab.subscribe(later);
    expect(later.events).toEqual([{ ...live('cleo', { viewerCount: 3 }), type: 'stream.updated' }]);
    expect(later.order).toEqual(['open', 'cleo']);
  });

  it('hands the connection over when the tab holding it closes; the others re-read what they may have missed', async () => {
    const browser = fakeBrowser();
    const leader = browser.tab();
    const stopLeading = leader.subscribe(subscriber());
    const follower = subscriber();
    browser.tab().subscribe(follower);
    await settle();
    const first = FakeEventSource.latest();
    first.open();
    await settle();
    expect(follower.opens).toBe(1);

    stopLeading();
    await settle();
    expect(first.readyState).toBe(FakeEventSource.CLOSED);
    expect(FakeEventSource.opened).toHaveLength(2);
    FakeEventSource.latest().open();
    FakeEventSource.latest().send(live('cleo'));
    await settle();
    expect(follower.opens).toBe(2);
    expect(follower.events).toEqual([live('cleo')]);
  });

  it('reopens the shared connection when someone signs in or out in any tab, so the server reads the new session', async () => {
    const browser = fakeBrowser();
    browser.tab().subscribe(subscriber());
    const other = browser.tab();
    other.subscribe(subscriber());
    await settle();
    const before = FakeEventSource.latest();
    before.open();
    await settle();

    other.sessionChanged();
    await settle();
    expect(before.readyState).toBe(FakeEventSource.CLOSED);
    expect(FakeEventSource.opened).toHaveLength(2);
  });

  it('keeps the connection while a page swaps its subscriptions, and closes it when the tab needs none', async () => {
    const browser = fakeBrowser();
    const tab = browser.tab();
    const stop = tab.subscribe(subscriber());
    await settle();
    stop();
    const stopNext = tab.subscribe(subscriber());
    await settle();
    expect(FakeEventSource.opened).toHaveLength(1);
    expect(FakeEventSource.latest().readyState).not.toBe(FakeEventSource.CLOSED);

    stopNext();
    await settle();
    expect(FakeEventSource.latest().readyState).toBe(FakeEventSource.CLOSED);
  });

  it('without Web Locks or BroadcastChannel (e.g. plain HTTP on a public address), each tab keeps one stream of its own', () => {
    const openSource = (url: string) => new FakeEventSource(url) as unknown as EventSource;
    const tabs = [new EventHub({ openSource }), new EventHub({ openSource })];
    for (const tab of tabs) {
      tab.subscribe(subscriber());
      tab.subscribe(subscriber());
    }
    expect(FakeEventSource.opened).toHaveLength(2);
  });
});
