import { api } from '@/lib/api-client.ts';
import { proofHeaders, type ChatHistory, type ChatMessage, type ChatState, type Reaction } from './chat-types.ts';

export function getChatState(hostId: string, roomToken: string, signal?: AbortSignal): Promise<ChatState> {
  return api<ChatState>(`/api/chat/${encodeURIComponent(hostId)}/state`, { headers: proofHeaders(roomToken), signal });
}

export function getChatHistory(hostId: string, options: { before?: string; signal?: AbortSignal } = {}): Promise<ChatHistory> {
  const query = new URLSearchParams({ limit: '50', ...(options.before && { before: options.before }) });
  return api<ChatHistory>(`/api/chat/${encodeURIComponent(hostId)}/messages?${query}`, { signal: options.signal });
}

export async function sendChatMessage(hostId: string, roomToken: string, body: string, guestName?: string): Promise<ChatMessage> {
  const result = await api<{ message: ChatMessage }>(`/api/chat/${encodeURIComponent(hostId)}/messages`, {
    body: { body, ...(guestName && { guestName }) },
    headers: proofHeaders(roomToken),
  });
  return result.message;
}

export async function sendReaction(hostId: string, roomToken: string, reaction: Reaction): Promise<void> {
  await api(`/api/chat/${encodeURIComponent(hostId)}/reactions`, { body: { reaction }, headers: proofHeaders(roomToken) });
}
