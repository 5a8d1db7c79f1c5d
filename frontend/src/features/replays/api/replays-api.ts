import { client, unwrap, type Schema } from '@/lib/api-client.ts';

export type Replay = Schema<'Replay'>;
export type ReplayDetails = Schema<'ReplayDetails'>;
export type MyReplay = Schema<'MyReplays'>['items'][number];
export type ReplayStatus = MyReplay['status'];
export type RecordingSettings = Schema<'RecordingSettings'>;
export type ReplayVisibility = RecordingSettings['visibility'];
export type ReplayChatMessage = Schema<'ReplayChatPage'>['items'][number];

const replay = (id: string) => ({ params: { path: { id } } });

export const getReplay = (id: string, signal?: AbortSignal) =>
  unwrap(client.GET('/api/recordings/replays/{id}', { ...replay(id), signal }));

export const getChannelReplays = (username: string, signal?: AbortSignal) =>
  unwrap(client.GET('/api/recordings/channels/{username}/replays', { params: { path: { username } }, signal }));

/** The whole chat of a replay, page by page (a page holds up to 1000 messages). */
export async function getReplayChat(id: string, signal?: AbortSignal): Promise<ReplayChatMessage[]> {
  const messages: ReplayChatMessage[] = [];
  let after: string | null = null;
  do {
    const query: { after?: string } = after ? { after } : {};
    const page: Schema<'ReplayChatPage'> = await unwrap(
      client.GET('/api/recordings/replays/{id}/chat', { params: { path: { id }, query }, signal }),
    );
    messages.push(...page.items);
    after = page.next;
  } while (after);
  return messages;
}

export const getMyReplays = (signal?: AbortSignal) => unwrap(client.GET('/api/recordings/mine', { signal }));

export const deleteReplay = (id: string) => unwrap(client.DELETE('/api/recordings/replays/{id}', replay(id)));

export const getRecordingSettings = (signal?: AbortSignal) => unwrap(client.GET('/api/recordings/settings', { signal }));

export const updateRecordingSettings = (change: Partial<Omit<RecordingSettings, 'recorder'>>) =>
  unwrap(client.PUT('/api/recordings/settings', { body: change }));
