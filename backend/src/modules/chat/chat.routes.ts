import { Router } from 'express';
import { requireUser, signedInUser } from '../auth/auth.guards.ts';
import { parse } from '../../http/validate.ts';
import {
  addModeratorBody,
  banBody,
  emptyBody,
  historyQuery,
  hostParams,
  messageParams,
  moderatorParams,
  pinBody,
  reactionBody,
  sendMessageBody,
  timeoutBody,
} from './chat.schemas.ts';
import { chatSenderOf, optionalChatSender, requireChatModerator, requireChatOwner, requireChatSender } from './chat.guards.ts';
import { getChatState, listChatMessages, sendChatMessage } from './chat.service.ts';
import {
  addModerator,
  ban,
  clearChat,
  deleteMessage,
  listModerators,
  pinMessage,
  removeModerator,
  timeOut,
  unpinMessage,
} from './chat-moderation.service.ts';
import { sendReaction } from './chat-reactions.service.ts';

/** /api/chat/:hostId: taking part in a creator's chat, and moderating it. */
export const chatRouter = Router();

// ── Taking part: signed-in users by session, guests by their room token (see chat.guards.ts).

chatRouter.get('/:hostId/state', optionalChatSender, async (req, res) => {
  const { hostId } = parse(hostParams, req.params);
  res.json(await getChatState(hostId, req.chatSender));
});

chatRouter.get('/:hostId/messages', async (req, res) => {
  const { hostId } = parse(hostParams, req.params);
  res.json(await listChatMessages(hostId, parse(historyQuery, req.query)));
});

chatRouter.post('/:hostId/messages', requireChatSender, async (req, res) => {
  const { hostId } = parse(hostParams, req.params);
  const { body, guestName } = parse(sendMessageBody, req.body ?? {});
  res.status(201).json({ message: await sendChatMessage({ hostId, sender: chatSenderOf(req), body, guestName }) });
});

chatRouter.post('/:hostId/reactions', requireChatSender, async (req, res) => {
  const { hostId } = parse(hostParams, req.params);
  const { reaction } = parse(reactionBody, req.body ?? {});
  await sendReaction(hostId, chatSenderOf(req), reaction);
  res.status(202).json({ sent: true });
});

// ── Moderation: the creator and their moderators.

chatRouter.delete('/:hostId/messages/:messageId', requireUser, requireChatModerator, async (req, res) => {
  const { hostId, messageId } = parse(messageParams, req.params);
  await deleteMessage(hostId, messageId);
  res.json({ deleted: true });
});

chatRouter.post('/:hostId/clear', requireUser, requireChatModerator, async (req, res) => {
  const { hostId } = parse(hostParams, req.params);
  parse(emptyBody, req.body ?? {});
  res.json(await clearChat(hostId));
});

chatRouter.put('/:hostId/pin', requireUser, requireChatModerator, async (req, res) => {
  const { hostId } = parse(hostParams, req.params);
  const { messageId } = parse(pinBody, req.body ?? {});
  res.json({ pinned: await pinMessage(hostId, messageId) });
});

chatRouter.delete('/:hostId/pin', requireUser, requireChatModerator, async (req, res) => {
  const { hostId } = parse(hostParams, req.params);
  await unpinMessage(hostId);
  res.json({ pinned: null });
});

chatRouter.post('/:hostId/timeouts', requireUser, requireChatModerator, async (req, res) => {
  const { hostId } = parse(hostParams, req.params);
  const { identity, minutes } = parse(timeoutBody, req.body ?? {});
  res.status(201).json(await timeOut(hostId, signedInUser(req.user).id, identity, minutes));
});

chatRouter.post('/:hostId/bans', requireUser, requireChatModerator, async (req, res) => {
  const { hostId } = parse(hostParams, req.params);
  const { identity } = parse(banBody, req.body ?? {});
  await ban(hostId, signedInUser(req.user).id, identity);
  res.status(201).json({ banned: true });
});

// ── Moderators: appointed by the creator.

chatRouter.get('/:hostId/moderators', requireUser, requireChatOwner, async (req, res) => {
  const { hostId } = parse(hostParams, req.params);
  res.json({ moderators: await listModerators(hostId) });
});

chatRouter.post('/:hostId/moderators', requireUser, requireChatOwner, async (req, res) => {
  const { hostId } = parse(hostParams, req.params);
  res.status(201).json({ moderator: await addModerator(hostId, parse(addModeratorBody, req.body ?? {})) });
});

chatRouter.delete('/:hostId/moderators/:userId', requireUser, requireChatOwner, async (req, res) => {
  const { hostId, userId } = parse(moderatorParams, req.params);
  await removeModerator(hostId, userId);
  res.json({ removed: true });
});
