import { client, unwrap } from '@/lib/api-client.ts';
import type { ChatSettings } from './chat-types.ts';

export function getMyChatSettings(signal?: AbortSignal): Promise<ChatSettings> {
  return unwrap(client.GET('/api/stream/chat-settings', { signal }));
}

export function updateMyChatSettings(settings: ChatSettings): Promise<ChatSettings> {
  return unwrap(client.PUT('/api/stream/chat-settings', { body: settings }));
}
