import type { Request } from 'express';
import { sessionUserOf } from '../auth/auth.service.ts';
import { guard } from '../../http/api-router.ts';
import { security } from '../../http/api-security.ts';
import { forbidden, unauthenticated } from '../../http/errors.ts';
import { signedInUser } from '../auth/auth.guards.ts';
import { parse } from '../../http/validate.ts';
import { hostParams } from './chat.schemas.ts';
import { clientNetworkOf } from '../../lib/client-network.ts';
import { assertGuestInRoom, resolveChatSender, type ChatSender } from './chat-sender.service.ts';
import { canModerate } from './chat-moderation.service.ts';
import { relationToHost } from '../social/social.service.ts';

declare global {
  namespace Express {
    interface Request {
      /** Set by the chat sender guards: who is chatting in the route's room. */
      chatSender?: ChatSender;
    }
  }
}

function bearerToken(req: Request): string | undefined {
  const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  return match?.[1];
}

async function attachChatSender(req: Request): Promise<void> {
  const { hostId } = parse(hostParams, req.params);
  req.user = await sessionUserOf(req.headers);
  req.chatSender = await resolveChatSender({
    hostId,
    user: req.user,
    bearerToken: bearerToken(req),
    network: clientNetworkOf(req.ip),
  });
}

/** Anyone; attaches the sender when the request proves one (session, or a guest's room token). */
export const optionalChatSender = guard(
  async (req, _res, next) => {
    await attachChatSender(req);
    next();
  },
  {
    security: [security.anonymous, security.session, security.roomToken],
    errors: {
      401: 'The room token is not valid or expired.',
      403: 'The room token is for another channel, or for someone else than the session.',
    },
  },
);

/**
 * A signed-in user (session) or a guest (`Authorization: Bearer <their LiveKit token for this room>`) who is in
 * the room right now.
 */
export const requireChatSender = guard(
  async (req, _res, next) => {
    await attachChatSender(req);
    if (!req.chatSender) throw unauthenticated('Join the stream to chat.');
    await assertGuestInRoom(parse(hostParams, req.params).hostId, req.chatSender);
    next();
  },
  {
    security: [security.session, security.roomToken],
    errors: {
      401: 'Neither a session nor a valid room token.',
      403: 'The room token is for another channel or someone else than the session, or the guest is not in the room (`reason: NOT_IN_ROOM`).',
    },
  },
);

export function chatSenderOf(req: Request): ChatSender {
  if (!req.chatSender) throw unauthenticated('Join the stream to chat.');
  return req.chatSender;
}

/** After requireUser: the creator of the route's room or one of their moderators. */
export const requireChatModerator = guard(
  async (req, _res, next) => {
    const { hostId } = parse(hostParams, req.params);
    if (!(await canModerate(hostId, signedInUser(req.user).id)))
      throw forbidden('Only the creator and their moderators can do that.', { reason: 'NOT_MODERATOR' });
    next();
  },
  { errors: { 400: 'The host id is not valid.', 403: 'Neither the creator nor one of their moderators.' } },
);

/** After requireUser: the creator of the route's room only. */
export const requireChatOwner = guard(
  (req, _res, next) => {
    const { hostId } = parse(hostParams, req.params);
    if (signedInUser(req.user).id !== hostId) throw forbidden('Only the creator can do that.', { reason: 'NOT_OWNER' });
    next();
  },
  { errors: { 400: 'The host id is not valid.', 403: 'Not the creator.' } },
);

/**
 * Someone the creator blocked reads nothing of the channel's chat either (like its video and replays): 403
 * `reason: BLOCKED`. Anyone else passes; guests are kept out by bans, which key on their network.
 */
export const refuseBlockedReader = guard(
  async (req, _res, next) => {
    const { hostId } = parse(hostParams, req.params);
    const user = req.user ?? (await sessionUserOf(req.headers));
    if (user && user.id !== hostId && (await relationToHost(hostId, user.id)).isBlocked)
      throw forbidden('This channel is unavailable to you.', { reason: 'BLOCKED' });
    next();
  },
  { errors: { 403: 'The creator blocked the caller (`reason: BLOCKED`).' } },
);
