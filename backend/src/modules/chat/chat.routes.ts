import { accepted, apiRouter, created, noBody, ok } from '../../http/api-router.ts';
import { requireUser, signedInUser } from '../auth/auth.guards.ts';
import {
  addModeratorBody,
  banBody,
  banned,
  chatCleared,
  chatHistory,
  chatState,
  historyQuery,
  hostParams,
  messageDeleted,
  messageParams,
  moderatorAdded,
  moderatorList,
  moderatorParams,
  moderatorRemoved,
  pinBody,
  pinnedMessage,
  reactionBody,
  reactionSent,
  sendMessageBody,
  sentMessage,
  timedOut,
  timeoutBody,
  unpinned,
} from './chat.schemas.ts';
import {
  chatSenderOf,
  optionalChatSender,
  refuseBlockedReader,
  requireChatModerator,
  requireChatOwner,
  requireChatSender,
} from './chat.guards.ts';
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
export const chatApi = apiRouter('/api/chat', {
  tag: 'Chat',
  description:
    "A creator's chat (`hostId` = the creator's user id). Messages go through the server, which checks the rules and publishes to the room's data channel (topics `chat`, `chat-settings`, `reaction`).",
});

const NO_CREATOR = 'No creator with that id.';

// ── Taking part: signed-in users by session, guests by their room token (see chat.guards.ts).

chatApi.get('/:hostId/state', {
  summary: "A chat's rules, pinned message and where the caller stands",
  guards: [optionalChatSender, refuseBlockedReader],
  params: hostParams,
  responses: { 200: chatState },
  errors: { 404: NO_CREATOR },
  handler: async ({ params }, req) => ok(await getChatState(params.hostId, req.chatSender)),
});

chatApi.get('/:hostId/messages', {
  summary: 'Chat history of the current broadcast (or since the last one ended), newest page first',
  description:
    "An earlier broadcast's chat is part of its replay (GET /api/recordings/replays/:id/chat), under the replay's visibility.",
  guards: [refuseBlockedReader],
  params: hostParams,
  query: historyQuery,
  responses: { 200: chatHistory },
  errors: { 404: `${NO_CREATOR} Or \`before\` is not a message of this chat.` },
  handler: async ({ params, query }) => ok(await listChatMessages(params.hostId, query)),
});

chatApi.post('/:hostId/messages', {
  summary: 'Send a chat message',
  description: 'Published to everyone in the room (topic `chat`, event `message`).',
  guards: [requireChatSender],
  params: hostParams,
  body: sendMessageBody,
  responses: { 201: sentMessage },
  errors: {
    403: 'Chat is off, for followers or signed-in viewers only, or the sender is blocked, banned or timed out (`reason` says which).',
    404: NO_CREATOR,
    429: 'Too fast, or slow mode (`reason`: `TOO_FAST` or `SLOW_MODE`, with `retryAfterMs`).',
  },
  handler: async ({ params, body }, req) =>
    created({
      message: await sendChatMessage({
        hostId: params.hostId,
        sender: chatSenderOf(req),
        body: body.body,
        guestName: body.guestName,
      }),
    }),
});

chatApi.post('/:hostId/reactions', {
  summary: 'Send a reaction',
  description: 'Not stored; published on the lossy topic `reaction`.',
  guards: [requireChatSender],
  params: hostParams,
  body: reactionBody,
  responses: { 202: reactionSent },
  errors: { 403: 'The sender is blocked, banned or timed out.', 404: NO_CREATOR, 429: 'Too many reactions in a short time.' },
  handler: async ({ params, body }, req) => {
    await sendReaction(params.hostId, chatSenderOf(req), body.reaction);
    return accepted({ sent: true as const });
  },
});

// ── Moderation: the creator and their moderators.

const moderators = [requireUser, requireChatModerator];

chatApi.delete('/:hostId/messages/:messageId', {
  summary: 'Delete a message for everyone',
  guards: moderators,
  params: messageParams,
  responses: { 200: messageDeleted },
  errors: { 404: 'That message is not in this chat.' },
  handler: async ({ params }) => {
    await deleteMessage(params.hostId, params.messageId);
    return ok({ deleted: true as const });
  },
});

chatApi.post('/:hostId/clear', {
  summary: 'Clear the chat for everyone',
  guards: moderators,
  params: hostParams,
  body: noBody,
  responses: { 200: chatCleared },
  errors: { 404: NO_CREATOR },
  handler: async ({ params }) => ok(await clearChat(params.hostId)),
});

chatApi.put('/:hostId/pin', {
  summary: 'Pin a message',
  guards: moderators,
  params: hostParams,
  body: pinBody,
  responses: { 200: pinnedMessage },
  errors: { 404: 'That message is not in this chat.' },
  handler: async ({ params, body }) => ok({ pinned: await pinMessage(params.hostId, body.messageId) }),
});

chatApi.delete('/:hostId/pin', {
  summary: 'Unpin the pinned message',
  guards: moderators,
  params: hostParams,
  responses: { 200: unpinned },
  errors: { 404: NO_CREATOR },
  handler: async ({ params }) => {
    await unpinMessage(params.hostId);
    return ok({ pinned: null });
  },
});

chatApi.post('/:hostId/timeouts', {
  summary: 'Time a participant out',
  description: 'A user or a guest, by LiveKit identity; a new timeout replaces the old one.',
  guards: moderators,
  params: hostParams,
  body: timeoutBody,
  responses: { 201: timedOut },
  errors: { 400: 'Moderating oneself.', 403: 'The creator, or a moderator when the caller is not the creator.' },
  handler: async ({ params, body }, req) =>
    created(await timeOut(params.hostId, signedInUser(req.user).id, body.identity, body.minutes)),
});

chatApi.post('/:hostId/bans', {
  summary: 'Ban a participant',
  description: 'A signed-in user is blocked by the creator; a guest is banned by identity. Either leaves the room at once.',
  guards: moderators,
  params: hostParams,
  body: banBody,
  responses: { 201: banned },
  errors: {
    400: 'Moderating oneself.',
    403: 'The creator, or a moderator when the caller is not the creator.',
    404: 'No such user.',
    502: 'Banned, but LiveKit could not remove them from the room just now.',
  },
  handler: async ({ params, body }, req) => {
    await ban(params.hostId, signedInUser(req.user).id, body.identity);
    return created({ banned: true as const });
  },
});

// ── Moderators: appointed by the creator.

const creatorOnly = [requireUser, requireChatOwner];

chatApi.get('/:hostId/moderators', {
  summary: "The creator's moderators",
  guards: creatorOnly,
  params: hostParams,
  responses: { 200: moderatorList },
  handler: async ({ params }) => ok({ moderators: await listModerators(params.hostId) }),
});

chatApi.post('/:hostId/moderators', {
  summary: 'Appoint a moderator',
  guards: creatorOnly,
  params: hostParams,
  body: addModeratorBody,
  responses: { 201: moderatorAdded },
  errors: { 400: 'The creator themselves.', 404: 'No such user.', 409: 'The creator blocked them: unblock first.' },
  handler: async ({ params, body }) => created({ moderator: await addModerator(params.hostId, body) }),
});

chatApi.delete('/:hostId/moderators/:userId', {
  summary: 'Remove a moderator',
  guards: creatorOnly,
  params: moderatorParams,
  responses: { 200: moderatorRemoved },
  handler: async ({ params }) => {
    await removeModerator(params.hostId, params.userId);
    return ok({ removed: true as const });
  },
});
