import type { Room } from 'livekit-client';
import { getViewerToken, type ViewerToken } from './get-viewer-token.ts';
import { takeHeadStart } from './watch-page-pass.ts';

export type WatchConnection = { token: ViewerToken; room: Room };

/** `video`: the player's connection (subscribes to the host's tracks); `data`: chat only, no media downloaded. */
export type WatchMode = 'video' | 'data';

type Started = {
  username: string;
  mode: WatchMode;
  connection: Promise<WatchConnection>;
  claimed: boolean;
  expiry: ReturnType<typeof setTimeout>;
};

/** A connection nobody claims (the visitor left before the player mounted) is closed after this long. */
const UNCLAIMED_MS = 30_000;
const LIVEKIT_URL_KEY = 'streamhouse:livekit-url';

let started: Started | undefined;

/** The LiveKit URL seen on an earlier visit: it lets a returning viewer warm the connection before the token. */
function rememberedLiveKitUrl(url?: string): string | null {
  try {
    if (url) localStorage.setItem(LIVEKIT_URL_KEY, url);
    return localStorage.getItem(LIVEKIT_URL_KEY);
  } catch {
    return null; // storage disabled: nothing to warm up
  }
}

/**
 * Token, LiveKit client and room connection, all started at once: nothing waits for the player's chunk or for
 * React to mount it. The token request (unless the page carried a pass) and the client download run side by
 * side; the room connects as soon as both are there. Connection errors are left to the room's own events, which
 * the player listens to.
 */
async function connect(username: string, mode: WatchMode, pass?: ViewerToken): Promise<WatchConnection> {
  const token = pass ? Promise.resolve(pass) : getViewerToken(username);
  // Awaited below, once the client has loaded; this keeps an early failure from being reported as unhandled.
  token.catch(() => undefined);
  const { Room } = await import('livekit-client');
  const room = new Room();
  const knownUrl = rememberedLiveKitUrl();
  if (knownUrl) void room.prepareConnection(knownUrl);
  const viewer = await token;
  rememberedLiveKitUrl(viewer.wsUrl);
  room.connect(viewer.wsUrl, viewer.token, { autoSubscribe: mode === 'video' }).catch(() => undefined);
  return { token: viewer, room };
}

function disconnectLater(connection: Promise<WatchConnection>): void {
  connection.then(({ room }) => room.disconnect()).catch(() => undefined);
}

/**
 * Starts watching a channel ahead of the player (the watch route's loader calls it as the navigation starts, with
 * the pass the served page carried, if any); idempotent until the player claims the connection. The room the
 * watch boot already opened for the channel, if any, is taken over.
 */
export function startWatching(username: string, mode: WatchMode = 'video', pass?: ViewerToken): void {
  if (started && started.username === username && started.mode === mode && !started.claimed) return;
  if (started && !started.claimed) {
    clearTimeout(started.expiry);
    disconnectLater(started.connection);
  }
  const early = mode === 'video' ? takeHeadStart(username) : undefined;
  const connection = early ? Promise.resolve(early) : connect(username, mode, pass);
  started = {
    username,
    mode,
    connection,
    claimed: false,
    expiry: setTimeout(() => {
      if (started?.connection !== connection || started.claimed) return;
      started = undefined;
      disconnectLater(connection);
    }, UNCLAIMED_MS),
  };
}

/** The player's connection: the one started for this channel, or a new one (e.g. after "Try again"). The caller owns the room. */
export function claimWatchConnection(username: string, mode: WatchMode = 'video'): Promise<WatchConnection> {
  if (!started || started.username !== username || started.mode !== mode || started.claimed) startWatching(username, mode);
  started!.claimed = true;
  clearTimeout(started!.expiry);
  return started!.connection;
}
