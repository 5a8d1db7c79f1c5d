import { randomUUID } from 'node:crypto';
import { AppError } from '../../http/errors.ts';
import { hitRateLimit } from '../rate-limit/rate-limit.service.ts';
import { publishReactionEvent } from './chat-broadcast.service.ts';
import type { ChatSender } from './chat-sender.service.ts';
import { getChatRoom } from './chat-settings.service.ts';
import { assertNotRestricted, chatStanding } from './chat-standing.service.ts';
import type { Reaction } from './chat.schemas.ts';
import { senderKey } from './chat.service.ts';

/** Per sender: enough for a burst of excitement, not enough to bury the picture. */
const REACTIONS_PER_WINDOW = 3;
const REACTION_WINDOW_MS = 2000;

/**
 * Reactions are not chat: they are not stored and ignore followers-only and slow mode, but blocked, banned
 * and timed-out viewers may not send them. They travel on a lossy topic.
 */
export async function sendReaction(hostId: string, sender: ChatSender, reaction: Reaction): Promise<void> {
  const standing = await chatStanding(await getChatRoom(hostId), sender);
  assertNotRestricted(standing);
  const rate = await hitRateLimit(`chat:reaction:${senderKey(sender)}`, REACTIONS_PER_WINDOW, REACTION_WINDOW_MS);
  if (!rate.allowed)
    throw new AppError(429, 'RATE_LIMITED', 'Easy there — wait a moment before reacting again.', {
      reason: 'TOO_FAST',
      retryAfterMs: rate.retryAfterMs,
    });
  await publishReactionEvent(hostId, { type: 'reaction', id: randomUUID(), reaction });
}
