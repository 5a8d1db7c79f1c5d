import type { LiveEvent, NotificationEvent } from '@streamhouse/contract/events';

/** What the site's one event stream carries: every creator's live changes, and the signed-in user's notifications. */
export type ServerEvent = LiveEvent | NotificationEvent;

/** Live changes of every creator plus, when the cookie holds a session, that user's own notifications. */
export const EVENT_STREAM_URL = '/api/live/events?notifications=include';

export type EventSubscriber = {
  onEvent: (event: ServerEvent) => void;
  /** The stream (re)opened, or this subscriber joined an open one: anything before it may have been missed. */
  onOpen: () => void;
};

/** 1 s, 2 s, 4 s … up to 30 s, each spread by ±50 % so a server's clients do not all return at the same moment. */
export function reconnectDelayMs(failures: number, random = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.5 + random()));
}

/** Between the tabs of one browser (BroadcastChannel). `to` addresses one tab; without it every tab reads it. */
type TabMessage =
  | { kind: 'event'; event: ServerEvent }
  | { kind: 'open' }
  | { kind: 'welcome'; to: string; snapshot: LiveEvent[] }
  | { kind: 'closed' }
  | { kind: 'hello'; from: string }
  | { kind: 'session-changed' };

export type TabChannel = {
  postMessage(message: TabMessage): void;
  onmessage: ((message: MessageEvent) => void) | null;
  close(): void;
};

/** What the hub needs from the browser; tests pass their own. `channel` or `lock` missing: no sharing (own stream). */
export type EventHubPlatform = {
  openSource: (url: string) => EventSource;
  channel?: () => TabChannel;
  lock?: (name: string, signal: AbortSignal, whileHeld: () => Promise<void>) => Promise<unknown>;
};

const CHANNEL = 'streamhouse-events';

/**
 * One event stream per browser, not per tab or component: a browser allows 6 connections per host over HTTP/1.1,
 * so streams per tab stop the fourth tab from loading. The tab holding the Web Lock is the leader: it alone keeps
 * the EventSource open and hands every event to the other tabs over a BroadcastChannel. When it closes (or has no
 * subscribers left) the lock passes to the next waiting tab, which opens its own stream. Every tab keeps the latest
 * state of each live stream, so a subscriber joining later starts from it — as a new connection would.
 */
export class EventHub {
  private readonly subscribers = new Map<EventSubscriber, { opened: boolean }>();
  private readonly snapshot = new Map<string, LiveEvent>();
  private readonly tabId = Math.random().toString(36).slice(2);
  private channel: TabChannel | undefined;
  private lockRequest: AbortController | undefined;
  private releaseLock: (() => void) | undefined;
  private leading = false;
  private open = false;
  private source: EventSource | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;

  constructor(private readonly platform: EventHubPlatform) {}

  subscribe(subscriber: EventSubscriber): () => void {
    this.subscribers.set(subscriber, { opened: false });
    if (this.isIdle()) this.start();
    else if (this.open) this.welcome();
    return () => {
      this.subscribers.delete(subscriber);
      // A route change unsubscribes and subscribes again in one commit: keep the stream across it.
      if (this.subscribers.size === 0) queueMicrotask(() => this.subscribers.size === 0 && this.stop());
    };
  }

  /** Sign-in or sign-out in this tab: the stream must be reopened so the server reads the new session cookie. */
  sessionChanged(): void {
    if (this.leading) this.reconnect();
    else this.channel?.postMessage({ kind: 'session-changed' });
  }

  private isIdle(): boolean {
    return !this.leading && !this.lockRequest && !this.channel;
  }

  private start(): void {
    const { channel, lock } = this.platform;
    if (!channel || !lock) {
      this.lead();
      return;
    }
    this.channel = channel();
    this.channel.onmessage = (message) => this.fromTab(message.data as TabMessage);
    const request = new AbortController();
    this.lockRequest = request;
    lock(CHANNEL, request.signal, () => {
      if (request.signal.aborted) return Promise.resolve(); // granted just as this tab stopped wanting events
      this.lead();
      return new Promise<void>((resolve) => (this.releaseLock = resolve));
    }).catch(() => undefined); // aborted while waiting: this tab stopped wanting events
    this.channel.postMessage({ kind: 'hello', from: this.tabId });
  }

  private stop(): void {
    this.lockRequest?.abort();
    this.lockRequest = undefined;
    this.releaseLock?.();
    this.releaseLock = undefined;
    this.channel?.close();
    this.channel = undefined;
    this.leading = false;
    this.disconnect();
    this.open = false;
    this.snapshot.clear();
  }

  private lead(): void {
    this.leading = true;
    this.open = false;
    this.connect();
  }

  private connect(): void {
    const source = this.platform.openSource(EVENT_STREAM_URL);
    this.source = source;
    source.onopen = () => {
      this.failures = 0;
      this.opened();
      this.channel?.postMessage({ kind: 'open' });
    };
    source.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as ServerEvent;
      this.deliver(event);
      this.channel?.postMessage({ kind: 'event', event });
    };
    // EventSource retries a dropped connection by itself, but gives up for good after an error answer (a 503
    // while the server is busy or the database is down): then the hub reconnects, later each time.
    source.onerror = () => {
      if (source.readyState === EventSource.OPEN) return;
      this.open = false;
      this.channel?.postMessage({ kind: 'closed' });
      if (source.readyState !== EventSource.CLOSED) return;
      source.close();
      this.failures += 1;
      this.retry = setTimeout(() => this.connect(), reconnectDelayMs(this.failures));
    };
  }

  private disconnect(): void {
    clearTimeout(this.retry);
    this.source?.close();
    this.source = undefined;
  }

  private reconnect(): void {
    this.disconnect();
    this.open = false;
    this.connect();
  }

  /** The stream (re)opened: the server starts it with the current state, so what this tab knew is dropped. */
  private opened(): void {
    this.open = true;
    this.snapshot.clear();
    for (const [subscriber, state] of this.subscribers) {
      state.opened = true;
      subscriber.onOpen();
    }
  }

  /** New subscribers of an open stream hear that it is open, then get the current state — the server's order. */
  private welcome(): void {
    const current = [...this.snapshot.values()].map((event): LiveEvent => ({ ...event, type: 'stream.updated' }));
    for (const [subscriber, state] of this.subscribers) {
      if (state.opened) continue;
      state.opened = true;
      subscriber.onOpen();
      for (const event of current) subscriber.onEvent(event);
    }
  }

  private deliver(event: ServerEvent): void {
    if (event.type === 'stream.offline') this.snapshot.delete(event.hostId);
    else if (event.type !== 'notification') this.snapshot.set(event.hostId, event);
    for (const subscriber of this.subscribers.keys()) subscriber.onEvent(event);
  }

  private fromTab(message: TabMessage): void {
    switch (message.kind) {
      case 'event':
        if (!this.leading) this.deliver(message.event);
        return;
      case 'open':
        if (!this.leading) this.opened();
        return;
      case 'welcome':
        if (this.leading || message.to !== this.tabId) return;
        for (const event of message.snapshot) this.snapshot.set(event.hostId, event);
        this.open = true;
        this.welcome();
        return;
      case 'closed':
        if (!this.leading) this.open = false;
        return;
      case 'hello':
        if (this.leading && this.open)
          this.channel?.postMessage({ kind: 'welcome', to: message.from, snapshot: [...this.snapshot.values()] });
        return;
      case 'session-changed':
        if (this.leading) this.reconnect();
        return;
    }
  }
}

/** The browser's: Web Locks and BroadcastChannel where the page has them (secure contexts), else a stream per tab. */
export const eventHub = new EventHub({
  openSource: (url) => new EventSource(url, { withCredentials: true }),
  channel: typeof BroadcastChannel === 'function' ? () => new BroadcastChannel(CHANNEL) as TabChannel : undefined,
  lock:
    typeof navigator !== 'undefined' && navigator.locks
      ? (name, signal, whileHeld) => navigator.locks.request(name, { signal }, whileHeld)
      : undefined,
});
