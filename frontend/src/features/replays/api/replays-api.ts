import { api } from '@/lib/api-client.ts';
import type { components } from '@/lib/api-schema.ts';

/** The API's own shapes (generated from its route declarations by `pnpm contract`). */
type Schemas = components['schemas'];

export type Replay = Schemas['Replay'];
export type ReplayDetails = Schemas['ReplayDetails'];
export type MyReplay = Schemas['MyReplays']['items'][number];
export type ReplayStatus = MyReplay['status'];
export type RecordingSettings = Schemas['RecordingSettings'];
export type ReplayVisibility = RecordingSettings['visibility'];
type ReplayChatPage = Schemas['ReplayChatPage'];
export type ReplayChatMessage = ReplayChatPage['items'][number];

export const getReplay = (id: string, signal?: AbortSignal) =>
  api<ReplayDetails>(`/api/recordings/replays/${encodeURIComponent(id)}`, { signal });

export const getChannelReplays = (username: string, signal?: AbortSignal) =>
  api<Schemas['ChannelReplays']>(`/api/recordings/channels/${encodeURIComponent(username)}/replays`, {
    signal,
  });

/** The whole chat of a replay, page by page (a page holds up to 1000 messages). */
export async function getReplayChat(id: string, signal?: AbortSignal): Promise<ReplayChatMessage[]> {
  const messages: ReplayChatMessage[] = [];
  let after: string | null = null;
  do {
    const query: string = after ? `?after=${after}` : '';
    const page: ReplayChatPage = await api(`/api/recordings/replays/${encodeURIComponent(id)}/chat${query}`, { signal });
    messages.push(...page.items);
    after = page.next;
  } while (after);
  return messages;
}

export const getMyReplays = (signal?: AbortSignal) => api<Schemas['MyReplays']>('/api/recordings/mine', { signal });

export const deleteReplay = (id: string) => api<void>(`/api/recordings/replays/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const getRecordingSettings = (signal?: AbortSignal) => api<RecordingSettings>('/api/recordings/settings', { signal });

export const updateRecordingSettings = (change: Partial<Omit<RecordingSettings, 'recorder'>>) =>
  api<RecordingSettings>('/api/recordings/settings', { method: 'PUT', body: change });
