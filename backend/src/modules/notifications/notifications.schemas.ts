import { z } from 'zod';
import { notification } from '@streamhouse/contract/events';

/** GET /api/notifications?limit=…&before=… — newest first; `before` is a previous page's last `createdAt`. */
export const notificationsQuery = z
  .object({
    limit: z.coerce.number().int('must be a whole number').min(1).max(50).default(20),
    before: z.iso.datetime({ message: 'must be an ISO date-time from a previous page' }).optional(),
  })
  .strict();

export const notificationIdParams = z.object({ id: z.uuid({ message: 'is not a notification id' }) }).strict();
export const mutedUsernameParams = z.object({ username: z.string().trim().min(1).max(64) }).strict();

// ── Responses

export const notificationList = z
  .strictObject({
    notifications: z.array(notification),
    unreadCount: z.number().int().min(0),
    /** Pass as `before` for the next page; null on the last page. */
    nextBefore: z.iso.datetime().nullable(),
  })
  .meta({ id: 'NotificationList', description: 'Your notifications, newest first, and how many are unread.' });

export const unreadCount = z
  .strictObject({ unreadCount: z.number().int().min(0) })
  .meta({ id: 'UnreadCount', description: 'How many of your notifications are unread after the change.' });

export const muteState = z
  .strictObject({ muted: z.boolean() })
  .meta({ id: 'MuteState', description: "Whether you mute this creator's go-live notifications." });

export const reminderState = z
  .strictObject({ reminded: z.boolean() })
  .meta({ id: 'ReminderState', description: 'Whether you will be notified when this creator next goes live.' });

export type NotificationList = z.infer<typeof notificationList>;
