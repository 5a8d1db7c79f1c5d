import type { ChatEvent, ChatHistory, ChatMessage, ChatSettings, ChatState, ChatViewer } from '../api/chat-types.ts';

/** Enough scroll-back for a busy room without an ever-growing DOM. */
const MAX_MESSAGES = 300;

export type ChatRoomState = {
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  messages: ChatMessage[];
  hasMore: boolean;
  settings: ChatSettings;
  pinned: ChatMessage | null;
  viewer: ChatViewer | null;
  /** Deleted while history was loading: history must not bring them back. */
  deletedIds: ReadonlySet<string>;
  /** Client time of the last "clear": history loaded from before it is dropped. */
  clearedAt: number | null;
  /** Messages on screen when the last load started: the load's history is the truth about them. */
  snapshotIds: ReadonlySet<string>;
  /** When this viewer may send again under slow mode (epoch ms). */
  nextMessageAt: number | null;
};

export type ChatRoomAction =
  | { type: 'load-started' }
  | { type: 'loaded'; state: ChatState; history: ChatHistory; requestedAt: number }
  | { type: 'load-failed'; error: string }
  | { type: 'older-loaded'; history: ChatHistory }
  | { type: 'sent'; message: ChatMessage }
  | { type: 'slowed'; retryAfterMs: number }
  | { type: 'settings'; settings: ChatSettings }
  | { type: 'restricted'; restriction: ChatViewer['restriction'] }
  | ChatEvent;

export function initialChatRoom(settings: ChatSettings): ChatRoomState {
  return {
    status: 'loading',
    error: null,
    messages: [],
    hasMore: false,
    settings,
    pinned: null,
    viewer: null,
    deletedIds: new Set(),
    clearedAt: null,
    snapshotIds: new Set(),
    nextMessageAt: null,
  };
}

const byTime = (a: ChatMessage, b: ChatMessage) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** History and live messages meet here: one copy of each, in time order, none that were deleted. */
function merge(current: ChatMessage[], incoming: ChatMessage[], state: ChatRoomState): ChatMessage[] {
  const known = new Set(current.map((message) => message.id));
  const fresh = incoming.filter((message) => !known.has(message.id) && !state.deletedIds.has(message.id));
  if (!fresh.length) return current;
  return [...current, ...fresh].sort(byTime);
}

/**
 * After a reload: a message that was on screen when the load started, falls inside the loaded window and is not
 * in it was deleted meanwhile (its delete event was missed while disconnected).
 */
function withoutMissedDeletes(state: ChatRoomState, history: ChatHistory): ChatMessage[] {
  const loaded = new Set(history.messages.map((message) => message.id));
  const oldest = history.messages[0]?.createdAt;
  const covered = (message: ChatMessage) =>
    state.snapshotIds.has(message.id) && (!history.hasMore || (oldest !== undefined && message.createdAt >= oldest));
  return state.messages.filter((message) => loaded.has(message.id) || !covered(message));
}

function trimmed(messages: ChatMessage[]): { messages: ChatMessage[]; dropped: boolean } {
  return messages.length > MAX_MESSAGES
    ? { messages: messages.slice(-MAX_MESSAGES), dropped: true }
    : { messages, dropped: false };
}

export function chatRoomReducer(state: ChatRoomState, action: ChatRoomAction): ChatRoomState {
  switch (action.type) {
    case 'load-started':
      return { ...state, snapshotIds: new Set(state.messages.map((message) => message.id)) };
    case 'loaded': {
      const cleared = state.clearedAt !== null && action.requestedAt <= state.clearedAt;
      const history = cleared ? [] : action.history.messages;
      const current = cleared ? state.messages : withoutMissedDeletes(state, action.history);
      const { viewer } = action.state;
      return {
        ...state,
        status: 'ready',
        error: null,
        messages: merge(current, history, state),
        hasMore: !cleared && action.history.hasMore,
        settings: action.state.settings,
        pinned: action.state.pinned,
        viewer,
        nextMessageAt: viewer?.slowModeRetryAfterMs ? Date.now() + viewer.slowModeRetryAfterMs : state.nextMessageAt,
      };
    }
    case 'load-failed':
      return state.status === 'ready' ? state : { ...state, status: 'error', error: action.error };
    case 'older-loaded':
      return { ...state, messages: merge(state.messages, action.history.messages, state), hasMore: action.history.hasMore };
    case 'message':
    case 'messages':
    case 'sent': {
      const arrived = action.type === 'messages' ? action.messages : [action.message];
      const { messages, dropped } = trimmed(merge(state.messages, arrived, state));
      const ownSlowMode =
        action.type === 'sent' && state.settings.slowModeSeconds > 0 && !state.viewer?.canModerate
          ? Date.now() + state.settings.slowModeSeconds * 1000
          : state.nextMessageAt;
      return { ...state, messages, hasMore: state.hasMore || dropped, nextMessageAt: ownSlowMode };
    }
    case 'slowed':
      return { ...state, nextMessageAt: Date.now() + action.retryAfterMs };
    case 'delete':
      return {
        ...state,
        messages: state.messages.filter((message) => message.id !== action.messageId),
        pinned: state.pinned?.id === action.messageId ? null : state.pinned,
        deletedIds: new Set(state.deletedIds).add(action.messageId),
      };
    case 'clear':
      return { ...state, messages: [], pinned: null, hasMore: false, clearedAt: Date.now() };
    case 'pin':
      return { ...state, pinned: action.message };
    case 'settings':
      return { ...state, settings: action.settings, nextMessageAt: action.settings.slowModeSeconds ? state.nextMessageAt : null };
    case 'timeout':
      return state.viewer
        ? { ...state, viewer: { ...state.viewer, restriction: { reason: 'TIMED_OUT', expiresAt: action.expiresAt } } }
        : state;
    case 'restricted':
      return state.viewer ? { ...state, viewer: { ...state.viewer, restriction: action.restriction } } : state;
    case 'role':
      return state.viewer ? { ...state, viewer: { ...state.viewer, canModerate: action.canModerate } } : state;
  }
}
