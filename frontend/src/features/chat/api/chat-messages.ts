import { client, unwrap } from '@/lib/api-client.ts';
import { proofHeaders, type ChatHistory, type ChatMessage, type ChatState, type Reaction } from './chat-types.ts';

export function getChatState(hostId: string, roomToken: string, signal?: AbortSignal): Promise<ChatState> {
  return unwrap(
    client.GET('/api/chat/{hostId}/state', { params: { path: { hostId } }, headers: proofHeaders(roomToken), signal }),
  );
}

export function getChatHistory(hostId: string, options: { before?: string; signal?: AbortSignal } = {}): Promise<ChatHistory> {
  const query = { limit: 50, ...(options.before && { before: options.before }) };
  return unwrap(client.GET('/api/chat/{hostId}/messages', { params: { path: { hostId }, query }, signal: options.signal }));
}

export async function sendChatMessage(hostId: string, roomToken: string, body: string, guestName?: string): Promise<ChatMessage> {
  const result = await unwrap(
    client.POST('/api/chat/{hostId}/messages', {
      params: { path: { hostId } },
      body: { body, ...(guestName && { guestName }) },
      headers: proofHeaders(roomToken),
    }),
  );
  return result.message;
}

export async function sendReaction(hostId: string, roomToken: string, reaction: Reaction): Promise<void> {
  await unwrap(
    client.POST('/api/chat/{hostId}/reactions', {
      params: { path: { hostId } },
      body: { reaction },
      headers: proofHeaders(roomToken),
    }),
  );
}
