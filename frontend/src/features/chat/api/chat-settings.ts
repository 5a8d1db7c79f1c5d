import { api } from '@/lib/api-client.ts';
import type { ChatSettings } from './chat-types.ts';

export function getMyChatSettings(signal?: AbortSignal): Promise<ChatSettings> {
  return api<ChatSettings>('/api/stream/chat-settings', { signal });
}

export function updateMyChatSettings(settings: ChatSettings): Promise<ChatSettings> {
  return api<ChatSettings>('/api/stream/chat-settings', { method: 'PUT', body: settings });
}
