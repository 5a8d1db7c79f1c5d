import { randomBytes } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';
import { env } from '../../config/env.ts';
import { prisma } from '../../lib/prisma.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { isBlockedBy } from '../social/social.service.ts';
import { hitRateLimit } from '../rate-limit/rate-limit.service.ts';
import { GUEST_IDENTITY_PREFIX, selfViewIdentity, type ViewerSource } from '@streamhouse/contract';
import { GRANTS, type TokenRole } from './tokens.grants.ts';
import type { RoomToken } from './tokens.schemas.ts';
import { assertGuestNameFree } from './guest-names.service.ts';
import { LRUCache } from 'lru-cache';
import { getChatRoom } from '../chat/chat-settings.service.ts';

/**
 * Guest passes per network and minute: a household reloading tabs never gets near it; a script minting a fresh
 * identity for every message does (and chat limits key on the network too, so a new pass resets nothing).
 */
export const GUEST_PASSES_PER_MINUTE = 30;

/** A token and the room it is for (the routes answer without the room name: the caller knows whose it is). */
export type MintedToken = RoomToken & { roomName: string };

/** The room is always the host's user id: derived here, never taken from a client. */
async function mint(
  role: TokenRole,
  roomName: string,
  identity: string,
  name: string,
  source?: ViewerSource,
): Promise<MintedToken> {
  const accessToken = new AccessToken(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET, {
    identity,
    name,
    ttl: env.TOKEN_TTL_SECONDS,
    // The source rides in the participant's metadata to the participant_joined webhook (analytics).
    metadata: JSON.stringify(source ? { role, source } : { role }),
  });
  accessToken.addGrant({ roomJoin: true, room: roomName, ...GRANTS[role] });
  return { token: await accessToken.toJwt(), identity, name, wsUrl: env.LIVEKIT_URL, roomName };
}

function guestIdentity(): string {
  return `${GUEST_IDENTITY_PREFIX}${Date.now()}-${randomBytes(4).toString('hex')}`;
}

/** Usernames and ids never change, so a raid's thousands of joins look the creator up once per instance. */
const hosts = new LRUCache<string, { id: string; username: string; displayUsername: string }>({ max: 50_000, ttl: 10 * 60_000 });

async function findHost(ref: { hostId?: string; username?: string }) {
  const key = ref.hostId ? `id:${ref.hostId}` : `name:${ref.username!.toLowerCase()}`;
  const cached = hosts.get(key);
  if (cached) return cached;
  const host = await prisma.user.findUnique({
    where: ref.hostId ? { id: ref.hostId } : { username: ref.username!.toLowerCase() },
    select: { id: true, username: true, displayUsername: true },
  });
  if (!host) throw notFound('No creator with that name.');
  hosts.set(key, host);
  return host;
}

export async function mintPublisherToken(user: { id: string; name: string }): Promise<MintedToken> {
  return mint('creatorPublisher', user.id, user.id, user.name);
}

export async function mintSelfViewToken(user: { id: string; name: string }): Promise<MintedToken> {
  return mint('creatorSelfView', user.id, selfViewIdentity(user.id), user.name);
}

export async function mintViewerToken(input: {
  host: { hostId?: string; username?: string };
  viewer?: { id: string; name: string };
  guestName?: string;
  /** The keyed hash of the client's network (lib/client-network.ts). */
  network: string;
  source?: ViewerSource;
}): Promise<MintedToken> {
  const host = await findHost(input.host);
  const { viewer } = input;
  if (viewer?.id === host.id) return mintSelfViewToken(viewer);
  if (viewer && (await isBlockedBy(host.id, viewer.id)))
    throw forbidden('This channel is unavailable to you.', { reason: 'BLOCKED' });
  if (viewer) return mint('viewer', host.id, viewer.id, viewer.name, input.source);
  const passes = await hitRateLimit(`guest-pass:${input.network}`, GUEST_PASSES_PER_MINUTE, 60_000);
  if (!passes.allowed)
    throw new AppError(429, 'RATE_LIMITED', 'Too many guest passes from your network. Wait a moment, or sign in.', {
      reason: 'GUEST_PASSES',
      retryAfterMs: passes.retryAfterMs,
    });
  // A guest ban covers the network the guest chatted from: a new pass would only bring them back.
  const { sanctions } = await getChatRoom(host.id);
  if (sanctions.some((sanction) => sanction.kind === 'BAN' && sanction.network === input.network))
    throw forbidden('You are banned from this channel.', { reason: 'BANNED' });
  if (input.guestName) await assertGuestNameFree(host.id, input.guestName);
  return mint('guest', host.id, guestIdentity(), input.guestName ?? 'Guest', input.source);
}
