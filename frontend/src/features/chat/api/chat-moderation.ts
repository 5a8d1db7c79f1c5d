import { client, unwrap } from '@/lib/api-client.ts';
import type { ChatMessage, Moderator } from './chat-types.ts';

const room = (hostId: string) => ({ params: { path: { hostId } } });

export async function deleteChatMessage(hostId: string, messageId: string): Promise<void> {
  await unwrap(client.DELETE('/api/chat/{hostId}/messages/{messageId}', { params: { path: { hostId, messageId } } }));
}

export async function clearChat(hostId: string): Promise<void> {
  await unwrap(client.POST('/api/chat/{hostId}/clear', room(hostId)));
}

export async function pinChatMessage(hostId: string, messageId: string): Promise<ChatMessage> {
  return (await unwrap(client.PUT('/api/chat/{hostId}/pin', { ...room(hostId), body: { messageId } }))).pinned;
}

export async function unpinChatMessage(hostId: string): Promise<void> {
  await unwrap(client.DELETE('/api/chat/{hostId}/pin', room(hostId)));
}

export async function timeOutSender(hostId: string, identity: string, minutes: number): Promise<{ expiresAt: string }> {
  return unwrap(client.POST('/api/chat/{hostId}/timeouts', { ...room(hostId), body: { identity, minutes } }));
}

export async function banSender(hostId: string, identity: string): Promise<void> {
  await unwrap(client.POST('/api/chat/{hostId}/bans', { ...room(hostId), body: { identity } }));
}

export async function listModerators(hostId: string, signal?: AbortSignal): Promise<Moderator[]> {
  return (await unwrap(client.GET('/api/chat/{hostId}/moderators', { ...room(hostId), signal }))).moderators;
}

export async function addModerator(hostId: string, ref: { userId: string } | { username: string }): Promise<Moderator> {
  return (await unwrap(client.POST('/api/chat/{hostId}/moderators', { ...room(hostId), body: ref }))).moderator;
}

export async function removeModerator(hostId: string, userId: string): Promise<void> {
  await unwrap(client.DELETE('/api/chat/{hostId}/moderators/{userId}', { params: { path: { hostId, userId } } }));
}
