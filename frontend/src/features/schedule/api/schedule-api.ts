import { api } from '@/lib/api-client.ts';
import type { components } from '@/lib/api-schema.ts';

export type Schedule = components['schemas']['UpcomingSchedule'];
export type ChannelSchedule = components['schemas']['ChannelSchedule'];
export type UpcomingItem = components['schemas']['UpcomingList']['items'][number];

const channelPath = (username: string) => `/api/viewer/stream/${encodeURIComponent(username)}/schedule`;

export const channelScheduleKey = (username: string) => `schedule/${username.toLowerCase()}`;

export function getChannelSchedule(username: string, signal?: AbortSignal): Promise<ChannelSchedule> {
  return api(channelPath(username), { signal });
}

/** The .ics download (a plain link: the browser saves the file). */
export const calendarUrl = (username: string) => `${channelPath(username)}.ics`;

export function setReminder(username: string, reminded: boolean): Promise<{ reminded: boolean }> {
  return api(`/api/notifications/reminders/${encodeURIComponent(username)}`, { method: reminded ? 'PUT' : 'DELETE' });
}

export function getUpcoming(signal?: AbortSignal): Promise<{ items: UpcomingItem[] }> {
  return api('/api/viewer/upcoming?limit=8', { signal });
}

export function getMySchedule(signal?: AbortSignal): Promise<{ schedule: Schedule | null }> {
  return api('/api/stream/schedule', { signal });
}

export function saveSchedule(body: { startsAt: string; title: string; category?: string | null }): Promise<{ schedule: Schedule | null }> {
  return api('/api/stream/schedule', { method: 'PUT', body });
}

export function cancelSchedule(): Promise<{ schedule: Schedule | null }> {
  return api('/api/stream/schedule', { method: 'DELETE' });
}
