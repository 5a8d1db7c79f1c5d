import type { ChatSettings, Reaction } from './chat.schemas.ts';

/** Data-channel topics. Chat events are reliable; reactions are lossy (a lost one is not worth a retransmit). */
export const TOPICS = { chat: 'chat', settings: 'chat-settings', reaction: 'reaction' } as const;

/** A badge shown beside a sender's name, from their current role in the room. */
export type SenderRole = 'creator' | 'moderator' | null;

export type ChatMessageView = {
  id: string;
  senderIdentity: string;
  senderName: string;
  color: string;
  isGuest: boolean;
  role: SenderRole;
  body: string;
  createdAt: string;
};

/** Everything the backend publishes to a room. The frontend mirrors these shapes. */
export type ChatEvent =
  | { type: 'message'; message: ChatMessageView }
  | { type: 'delete'; messageId: string }
  | { type: 'clear' }
  | { type: 'pin'; message: ChatMessageView | null }
  /** Only to the sanctioned participant. */
  | { type: 'timeout'; expiresAt: string }
  /** Only to the participant whose role changed. */
  | { type: 'role'; canModerate: boolean };

export type SettingsEvent = { type: 'settings'; settings: ChatSettings };

export type ReactionEvent = { type: 'reaction'; id: string; reaction: Reaction };
