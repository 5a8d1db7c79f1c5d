import { Router } from 'express';
import { requireUser, signedInUser } from '../../http/auth-guards.ts';
import { parse } from '../../http/validate.ts';
import {
  addModeratorBody,
  banBody,
  chatSettingsBody,
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
import { getChatRoom, updateChatSettings } from './chat-settings.service.ts';
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

export const chatRouter = Router();

// ── Taking part: signed-in users by session, guests by their room token (see chat.guards.ts).

chatRouter.get('/chat/:hostId/state', optionalChatSender, async (req, res) => {
  const { hostId } = parse(hostParams, req.params);
  res.json(await getChatState(hostId, req.chatSender));
});

chatRouter.get('/chat/:hostId/messages', async (req, res) => {
  const { hostId } = parse(hostParams, req.params);
  res.json(await listChatMessages(hostId, parse(historyQuery, req.query)));
});

chatRouter.post('/chat/:hostId/messages', requireChatSender, async (req, res) => {
  const { hostId } = parse(hostParams, req.params);
  const { body, guestName } = parse(sendMessageBody, req.body ?? {});
  res.status(201).json({ message: await sendChatMessage({ hostId, sender: chatSenderOf(req), body, guestName }) });
});

chatRouter.post('/chat/:hostId/reactions', requireChatSender, async (req, res) => {
  const { hostId } = parse(hostParams, req.params);
  const { reaction } = parse(reactionBody, req.body ?? {});
  await sendReaction(hostId, chatSenderOf(req), reaction);
  res.status(202).json({ sent: true });
});

// ── Moderation: the creator and their moderators.

chatRouter.delete('/chat/:hostId/messages/:messageId', requireUser, requireChatModerator, async (req, res) => {
  const { hostId, messageId } = parse(messageParams, req.params);
  await deleteMessage(hostId, messageId);
  res.json({ deleted: true });
});

chatRouter.post('/chat/:hostId/clear', requireUser, requireChatModerator, async (req, res) => {
  const { hostId } = parse(hostParams, req.params);
  parse(emptyBody, req.body ?? {});
  res.json(await clearChat(hostId));
});

chatRouter.put('/chat/:hostId/pin', requireUser, requireChatModerator, async (req, res) => {
  const { hostId } = parse(hostParams, req.params);
  const { messageId } = parse(pinBody, req.body ?? {});
  res.json({ pinned: await pinMessage(hostId, messageId) });
});

chatRouter.delete('/chat/:hostId/pin', requireUser, requireChatModerator, async (req, res) => {
  const { hostId } = parse(hostParams, req.params);
  await unpinMessage(hostId);
  res.json({ pinned: null });
});

chatRouter.post('/chat/:hostId/timeouts', requireUser, requireChatModerator, async (req, res) => {
  const { hostId } = parse(hostParams, req.params);
  const { identity, minutes } = parse(timeoutBody, req.body ?? {});
  res.status(201).json(await timeOut(hostId, signedInUser(req.user).id, identity, minutes));
});

chatRouter.post('/chat/:hostId/bans', requireUser, requireChatModerator, async (req, res) => {
  const { hostId } = parse(hostParams, req.params);
  const { identity } = parse(banBody, req.body ?? {});
  await ban(hostId, signedInUser(req.user).id, identity);
  res.status(201).json({ banned: true });
});

// ── Moderators: appointed by the creator.

chatRouter.get('/chat/:hostId/moderators', requireUser, requireChatOwner, async (req, res) => {
  const { hostId } = parse(hostParams, req.params);
  res.json({ moderators: await listModerators(hostId) });
});

chatRouter.post('/chat/:hostId/moderators', requireUser, requireChatOwner, async (req, res) => {
  const { hostId } = parse(hostParams, req.params);
  res.status(201).json({ moderator: await addModerator(hostId, parse(addModeratorBody, req.body ?? {})) });
});

chatRouter.delete('/chat/:hostId/moderators/:userId', requireUser, requireChatOwner, async (req, res) => {
  const { hostId, userId } = parse(moderatorParams, req.params);
  await removeModerator(hostId, userId);
  res.json({ removed: true });
});

// ── The signed-in creator's own chat rules (dashboard).

chatRouter.get('/stream/chat-settings', requireUser, async (req, res) => {
  res.json((await getChatRoom(signedInUser(req.user).id)).settings);
});

chatRouter.put('/stream/chat-settings', requireUser, async (req, res) => {
  const settings = parse(chatSettingsBody, req.body ?? {});
  res.json(await updateChatSettings(signedInUser(req.user).id, settings));
});
