import { client, unwrap, type Schema } from '@/lib/api-client.ts';

export type Schedule = Schema<'UpcomingSchedule'>;
export type ChannelSchedule = Schema<'ChannelSchedule'>;
export type UpcomingItem = Schema<'UpcomingList'>['items'][number];

const channel = (username: string) => ({ params: { path: { username } } });

export function getChannelSchedule(username: string, signal?: AbortSignal): Promise<ChannelSchedule> {
  return unwrap(client.GET('/api/viewer/stream/{username}/schedule', { ...channel(username), signal }));
}

/** The .ics download (a plain link: the browser saves the file). */
export const calendarUrl = (username: string) => `/api/viewer/stream/${encodeURIComponent(username)}/schedule.ics`;

export function setReminder(username: string, reminded: boolean): Promise<{ reminded: boolean }> {
  return unwrap(
    reminded
      ? client.PUT('/api/notifications/reminders/{username}', channel(username))
      : client.DELETE('/api/notifications/reminders/{username}', channel(username)),
  );
}

export function getUpcoming(signal?: AbortSignal): Promise<{ items: UpcomingItem[] }> {
  return unwrap(client.GET('/api/viewer/upcoming', { params: { query: { limit: 8 } }, signal }));
}

export function getMySchedule(signal?: AbortSignal): Promise<{ schedule: Schedule | null }> {
  return unwrap(client.GET('/api/stream/schedule', { signal }));
}

export function saveSchedule(body: {
  startsAt: string;
  title: string;
  category?: string | null;
}): Promise<{ schedule: Schedule | null }> {
  return unwrap(client.PUT('/api/stream/schedule', { body }));
}

export function cancelSchedule(): Promise<{ schedule: Schedule | null }> {
  return unwrap(client.DELETE('/api/stream/schedule'));
}
