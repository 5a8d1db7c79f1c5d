/** Shapes the chat API and the room's data channel carry (mirrors backend/src/modules/chat/chat.events.ts). */

export const REACTIONS = ['like', 'love', 'fire', 'clap', 'wow'] as const;
export type Reaction = (typeof REACTIONS)[number];

export type ChatSettings = { isChatEnabled: boolean; isChatFollowersOnly: boolean; slowModeSeconds: number; guestsMayChat: boolean };

export type ChatMessage = {
  id: string;
  senderIdentity: string;
  senderName: string;
  color: string;
  isGuest: boolean;
  role: 'creator' | 'moderator' | null;
  body: string;
  createdAt: string;
};

export type ChatRestriction = { reason: 'BLOCKED' | 'BANNED' | 'TIMED_OUT'; expiresAt: string | null };

export type ChatViewer = {
  identity: string;
  name: string;
  isGuest: boolean;
  isOwner: boolean;
  canModerate: boolean;
  isFollowing: boolean;
  restriction: ChatRestriction | null;
  slowModeRetryAfterMs: number;
};

export type ChatState = { settings: ChatSettings; pinned: ChatMessage | null; viewer: ChatViewer | null };

export type ChatHistory = { messages: ChatMessage[]; hasMore: boolean };

export type ChatEvent =
  | { type: 'message'; message: ChatMessage }
  /** Several at once, in order: a busy room's messages share packets. */
  | { type: 'messages'; messages: ChatMessage[] }
  | { type: 'delete'; messageId: string }
  | { type: 'clear' }
  | { type: 'pin'; message: ChatMessage | null }
  | { type: 'timeout'; expiresAt: string }
  | { type: 'role'; canModerate: boolean };

export type SettingsEvent = { type: 'settings'; settings: ChatSettings };

export type ReactionEvent = { type: 'reaction'; id: string; reaction: Reaction } | { type: 'reactions'; reactions: Reaction[] };

export type Moderator = { id: string; username: string; displayUsername: string; name: string; image: string | null };

/** The LiveKit token the page joined with proves a guest's identity; for accounts the session cookie does. */
export const proofHeaders = (roomToken: string) => ({ Authorization: `Bearer ${roomToken}` });
