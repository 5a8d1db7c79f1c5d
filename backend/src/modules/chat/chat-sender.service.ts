import { TokenVerifier, TwirpError } from 'livekit-server-sdk';
import { LRUCache } from 'lru-cache';
import { env } from '../../config/env.ts';
import { roomService } from '../../lib/livekit.ts';
import { forbidden, unauthenticated } from '../../http/errors.ts';
import { selfViewIdentity } from '@streamhouse/contract';

/**
 * Who is chatting: the identity moderation acts on, and the name shown. Guests also carry the keyed hash of
 * their network (lib/client-network.ts): a guest can mint a new identity at will, not a new network.
 */
export type ChatSender = { identity: string; userId: string | null; name: string; isGuest: boolean; network: string | null };

const verifier = new TokenVerifier(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
/** How long after expiry a guest's room token still proves who they are, as long as they are still connected. */
const EXPIRED_TOKEN_GRACE_SECONDS = 24 * 3600;

type RoomTokenClaims = { identity: string; name: string; role: string | undefined; expired: boolean };

function roleOf(metadata: string | undefined): string | undefined {
  try {
    return (JSON.parse(metadata ?? '{}') as { role?: string }).role;
  } catch {
    return undefined;
  }
}

/**
 * Checks a LiveKit token this site minted for `hostId`'s room. LiveKit refreshes a connected participant's
 * token inside its own connection (the browser SDK keeps it private), so a guest who has watched longer
 * than the token's lifetime still holds the original: an expired token is accepted only with a grace period.
 */
async function readRoomToken(token: string, hostId: string): Promise<RoomTokenClaims> {
  let expired = false;
  let claims;
  try {
    claims = await verifier.verify(token);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_JWT_EXPIRED')
      throw unauthenticated('Your chat pass is not valid. Reload the page to chat.');
    expired = true;
    claims = await verifier.verify(token, EXPIRED_TOKEN_GRACE_SECONDS).catch(() => {
      throw unauthenticated('Your chat pass expired. Reload the page to chat.');
    });
  }
  if (claims.video?.room !== hostId || !claims.sub)
    throw forbidden('This chat pass is for another channel.', { reason: 'WRONG_ROOM' });
  return { identity: claims.sub, name: claims.name ?? 'Guest', role: roleOf(claims.metadata), expired };
}

/** Guests LiveKit said were connected, remembered briefly so a chatty guest costs one lookup, not one per message. */
const connectedGuests = new LRUCache<string, true>({ max: 50_000, ttl: 15_000 });
/**
 * Passes LiveKit said were not in the room, remembered for a moment: a script replaying a drive-by pass (or
 * thousands in parallel) costs LiveKit one lookup per pass every two seconds, not one per request.
 */
const absentGuests = new LRUCache<string, true>({ max: 50_000, ttl: 2_000 });
/** Lookups on their way: parallel requests with one pass share one call. */
const lookups = new Map<string, Promise<boolean>>();

async function lookUpParticipant(hostId: string, identity: string): Promise<boolean> {
  try {
    await roomService.getParticipant(hostId, identity);
    return true;
  } catch (error) {
    if (error instanceof TwirpError && (error.code === 'not_found' || error.status === 404)) return false;
    throw error;
  }
}

async function isConnected(hostId: string, identity: string): Promise<boolean> {
  const key = `${hostId}/${identity}`;
  if (connectedGuests.has(key)) return true;
  if (absentGuests.has(key)) return false;
  let lookup = lookups.get(key);
  if (!lookup) {
    lookup = lookUpParticipant(hostId, identity).finally(() => lookups.delete(key));
    lookups.set(key, lookup);
  }
  const connected = await lookup;
  (connected ? connectedGuests : absentGuests).set(key, true);
  return connected;
}

/**
 * A signed-in user is who their session says (identity = user id); a room token they send must be theirs.
 * A guest has no session: their room token (a guest role, for this room) is the proof, and its identity
 * is the one moderation acts on. Undefined when the request carries neither.
 */
export async function resolveChatSender(input: {
  hostId: string;
  user?: { id: string; name: string; displayUsername?: string | null };
  bearerToken?: string;
  network: string;
}): Promise<ChatSender | undefined> {
  const { hostId, user, bearerToken, network } = input;
  const claims = bearerToken ? await readRoomToken(bearerToken, hostId) : undefined;
  if (user) {
    if (claims && claims.identity !== user.id && claims.identity !== selfViewIdentity(user.id))
      throw forbidden('You signed in or out since this page loaded. Reload the page to chat.', { reason: 'IDENTITY_MISMATCH' });
    return { identity: user.id, userId: user.id, name: user.displayUsername || user.name, isGuest: false, network: null };
  }
  if (!claims) return undefined;
  if (claims.role !== 'guest') throw unauthenticated('Your session ended. Sign in again to chat.');
  if (claims.expired && !(await isConnected(hostId, claims.identity)))
    throw unauthenticated('Your chat pass expired. Reload the page to chat.');
  return { identity: claims.identity, userId: null, name: claims.name, isGuest: true, network };
}

/**
 * A guest's pass speaks only for someone watching: one minted by a script that never joined the room cannot
 * send. (Signed-in users are accountable through their account and may chat from anywhere.)
 */
export async function assertGuestInRoom(hostId: string, sender: ChatSender): Promise<void> {
  if (!sender.isGuest || (await isConnected(hostId, sender.identity))) return;
  throw forbidden('Join the stream to chat: open the channel page first.', { reason: 'NOT_IN_ROOM' });
}
