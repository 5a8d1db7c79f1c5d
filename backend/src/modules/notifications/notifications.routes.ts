import { apiRouter, noBody, ok } from '../../http/api-router.ts';
import { AppError } from '../../http/errors.ts';
import { requireUser, signedInUser } from '../auth/auth.guards.ts';
import { requireUserByUsername } from '../users/users.service.ts';
import {
  muteState,
  mutedUsernameParams,
  notificationIdParams,
  notificationList,
  notificationsQuery,
  reminderState,
  unreadCount,
} from './notifications.schemas.ts';
import { isMuted, listNotifications, markAllRead, markRead, setMuted, setReminder } from './notifications.service.ts';

/**
 * /api/notifications: the signed-in user's own notifications and mutes. No route reads or changes anyone else's:
 * every query is scoped to the session's user, so another user's notification id answers 404 like an unknown one.
 * New ones arrive live on GET /api/live/events?notifications=only.
 */
export const notificationsApi = apiRouter('/api/notifications', {
  tag: 'Notifications',
  description: 'Your in-app notifications (a followed creator went live) and which creators you muted.',
  guards: [requireUser],
});

notificationsApi.get('/', {
  summary: 'Your notifications, newest first, with the unread count',
  query: notificationsQuery,
  responses: { 200: notificationList },
  handler: async ({ query }, req) => ok(await listNotifications(signedInUser(req.user).id, query)),
});

notificationsApi.post('/read-all', {
  summary: 'Mark all your notifications read',
  body: noBody,
  responses: { 200: unreadCount },
  handler: async (_input, req) => ok(await markAllRead(signedInUser(req.user).id)),
});

notificationsApi.post('/:id/read', {
  summary: 'Mark one of your notifications read',
  description: 'Marking a read one again changes nothing.',
  params: notificationIdParams,
  body: noBody,
  responses: { 200: unreadCount },
  errors: { 404: 'No notification of yours has that id (someone else’s included).' },
  handler: async ({ params }, req) => ok(await markRead(signedInUser(req.user).id, params.id)),
});

const NOBODY = 'Nobody has that username.';

async function mutedHost(username: string, userId: string) {
  const host = await requireUserByUsername(username);
  if (host.id === userId) throw new AppError(400, 'BAD_REQUEST', "You can't mute yourself.", { reason: 'SELF' });
  return host;
}

notificationsApi.get('/mutes/:username', {
  summary: "Whether you mute a creator's go-live notifications",
  params: mutedUsernameParams,
  responses: { 200: muteState },
  errors: { 400: 'Yourself.', 404: NOBODY },
  handler: async ({ params }, req) => {
    const user = signedInUser(req.user);
    const host = await mutedHost(params.username, user.id);
    return ok({ muted: await isMuted(user.id, host.id) });
  },
});

notificationsApi.put('/mutes/:username', {
  summary: "Mute a creator's go-live notifications",
  description: 'Muting twice is one mute. You keep following them.',
  params: mutedUsernameParams,
  body: noBody,
  responses: { 200: muteState },
  errors: { 400: 'Yourself.', 404: NOBODY },
  handler: async ({ params }, req) => {
    const user = signedInUser(req.user);
    const host = await mutedHost(params.username, user.id);
    return ok(await setMuted(user.id, host.id, true));
  },
});

notificationsApi.delete('/mutes/:username', {
  summary: "Unmute a creator's go-live notifications",
  params: mutedUsernameParams,
  body: noBody,
  responses: { 200: muteState },
  errors: { 400: 'Yourself.', 404: NOBODY },
  handler: async ({ params }, req) => {
    const user = signedInUser(req.user);
    const host = await mutedHost(params.username, user.id);
    return ok(await setMuted(user.id, host.id, false));
  },
});

for (const [method, reminded] of [
  ['put', true],
  ['delete', false],
] as const)
  notificationsApi[method]('/reminders/:username', {
    summary: reminded ? 'Remind me when this creator next goes live' : 'Cancel the reminder',
    description: 'A notification when they next go live, follower or not; it is used up then. Idempotent.',
    params: mutedUsernameParams,
    body: noBody,
    responses: { 200: reminderState },
    errors: { 400: 'Yourself.', 404: NOBODY },
    handler: async ({ params }, req) => {
      const user = signedInUser(req.user);
      const host = await mutedHost(params.username, user.id);
      return ok(await setReminder(user.id, host.id, reminded));
    },
  });
