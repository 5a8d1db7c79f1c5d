import type { Room } from 'livekit-client';
import type { Schema } from '@/lib/api-client.ts';
import type { WatchConnection } from './watch-connection.ts';

/** What the server puts into a watch page it serves (backend link-previews): the channel and a viewer pass. */
export type WatchPagePass = { username: string; stream: Schema<'PublicStream'>; token: Schema<'RoomToken'> };

let taken = false;
let headStart: { username: string; connection: WatchConnection } | undefined;

const sameChannel = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function readPass(username: string): WatchPagePass | undefined {
  if (taken || typeof document === 'undefined') return undefined;
  const text = document.getElementById('watch-page-pass')?.textContent;
  if (!text) return undefined;
  try {
    const pass = JSON.parse(text) as WatchPagePass;
    return sameChannel(pass.username, username) ? pass : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The pass the served page carries for `username`, once: it was minted for this page load, so a later visit
 * (an in-app navigation back, "Try again") asks the API for a fresh one.
 */
export function takeWatchPagePass(username: string): WatchPagePass | undefined {
  const pass = readPass(username);
  taken = true;
  return pass;
}

/**
 * The watch boot's head start (app/watch-boot.ts): it opens the room with the page's pass before the app's
 * JavaScript runs. This module is all the boot shares with the app, so the app's own chunks stay as they were.
 */
export function startRoomFromPagePass(username: string, Room: new () => Room): void {
  const pass = readPass(username);
  if (!pass) return;
  const room = new Room();
  room.connect(pass.token.wsUrl, pass.token.token, { autoSubscribe: true }).catch(() => undefined);
  headStart = { username, connection: { token: pass.token, room } };
}

/** The room the watch boot started for `username`, once: the caller owns it from then on. */
export function takeHeadStart(username: string): WatchConnection | undefined {
  const started = headStart && sameChannel(headStart.username, username) ? headStart.connection : undefined;
  headStart = undefined;
  return started;
}
