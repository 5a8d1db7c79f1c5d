import type { Schema } from '@/lib/api-client.ts';

/** Shapes the chat API answers (generated from the backend's schemas by `pnpm contract`). */
export type ChatSettings = Schema<'ChatSettings'>;
export type ChatMessage = Schema<'ChatMessage'>;
export type ChatRestriction = Schema<'ChatRestriction'>;
export type ChatViewer = Schema<'ChatViewer'>;
export type ChatState = Schema<'ChatState'>;
export type ChatHistory = Schema<'ChatHistory'>;
export type Moderator = Schema<'Moderator'>;

/** What the room's data channel carries: the shared contract (types only; zod stays on the server). */
export type { ChatEvent, ReactionEvent, SettingsEvent } from '@streamhouse/contract/events';
export { REACTIONS, type Reaction } from '@streamhouse/contract';

/** The LiveKit token the page joined with proves a guest's identity; for accounts the session cookie does. */
export const proofHeaders = (roomToken: string) => ({ Authorization: `Bearer ${roomToken}` });
