import { api } from '@/lib/api-client.ts';
import type { ChatMessage, Moderator } from './chat-types.ts';

const base = (hostId: string) => `/api/chat/${encodeURIComponent(hostId)}`;

export async function deleteChatMessage(hostId: string, messageId: string): Promise<void> {
  await api(`${base(hostId)}/messages/${encodeURIComponent(messageId)}`, { method: 'DELETE' });
}

export async function clearChat(hostId: string): Promise<void> {
  await api(`${base(hostId)}/clear`, { body: {} });
}

export async function pinChatMessage(hostId: string, messageId: string): Promise<ChatMessage> {
  return (await api<{ pinned: ChatMessage }>(`${base(hostId)}/pin`, { method: 'PUT', body: { messageId } })).pinned;
}

export async function unpinChatMessage(hostId: string): Promise<void> {
  await api(`${base(hostId)}/pin`, { method: 'DELETE' });
}

export async function timeOutSender(hostId: string, identity: string, minutes: number): Promise<{ expiresAt: string }> {
  return api<{ expiresAt: string }>(`${base(hostId)}/timeouts`, { body: { identity, minutes } });
}

export async function banSender(hostId: string, identity: string): Promise<void> {
  await api(`${base(hostId)}/bans`, { body: { identity } });
}

export async function listModerators(hostId: string, signal?: AbortSignal): Promise<Moderator[]> {
  return (await api<{ moderators: Moderator[] }>(`${base(hostId)}/moderators`, { signal })).moderators;
}

export async function addModerator(hostId: string, ref: { userId: string } | { username: string }): Promise<Moderator> {
  return (await api<{ moderator: Moderator }>(`${base(hostId)}/moderators`, { body: ref })).moderator;
}

export async function removeModerator(hostId: string, userId: string): Promise<void> {
  await api(`${base(hostId)}/moderators/${encodeURIComponent(userId)}`, { method: 'DELETE' });
}
