import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage, ChatSettings, ChatViewer } from '../api/chat-types.ts';
import { chatRoomReducer, initialChatRoom, type ChatRoomAction, type ChatRoomState } from './chat-room-reducer.ts';

const settings: ChatSettings = { isChatEnabled: true, isChatFollowersOnly: false, slowModeSeconds: 0, guestsMayChat: true };
const viewer: ChatViewer = {
  identity: 'user-1',
  name: 'ada',
  isGuest: false,
  isOwner: false,
  canModerate: false,
  isFollowing: false,
  restriction: null,
  slowModeRetryAfterMs: 0,
};

const message = (n: number, body = `message ${n}`): ChatMessage => ({
  id: `m${String(n).padStart(4, '0')}`,
  senderIdentity: 'user-2',
  senderName: 'bob',
  color: '#aabbcc',
  isGuest: false,
  role: null,
  body,
  createdAt: new Date(Date.UTC(2026, 0, 1, 12, 0, n)).toISOString(),
});

const run = (state: ChatRoomState, ...actions: ChatRoomAction[]) => actions.reduce(chatRoomReducer, state);
const bodies = (state: ChatRoomState) => state.messages.map((m) => m.body);

function loadedRoom(
  history: ChatMessage[] = [],
  options: { settings?: ChatSettings; viewer?: ChatViewer; hasMore?: boolean } = {},
) {
  return run(
    initialChatRoom(settings),
    { type: 'load-started' },
    {
      type: 'loaded',
      state: { settings: options.settings ?? settings, pinned: null, viewer: options.viewer ?? viewer },
      history: { messages: history, hasMore: options.hasMore ?? false },
      requestedAt: Date.now(),
    },
  );
}

beforeEach(() => vi.useFakeTimers({ now: new Date('2026-01-01T12:30:00Z') }));
afterEach(() => vi.useRealTimers());

describe('the chat message list', () => {
  it('shows history, then live messages below it, each once even when the sender also gets their own echo', () => {
    const sent = message(3, 'my own');
    const state = run(loadedRoom([message(1), message(2)]), { type: 'sent', message: sent }, { type: 'message', message: sent });
    expect(bodies(state)).toEqual(['message 1', 'message 2', 'my own']);
  });

  it('puts messages that arrive out of order (a batch, then history) in time order', () => {
    const early = run(initialChatRoom(settings), { type: 'messages', messages: [message(5), message(4)] });
    const state = run(early, {
      type: 'loaded',
      state: { settings, pinned: null, viewer },
      history: { messages: [message(1), message(4)], hasMore: false },
      requestedAt: Date.now(),
    });
    expect(bodies(state)).toEqual(['message 1', 'message 4', 'message 5']);
  });

  it('removes a deleted message, unpins it, and does not bring it back when older history loads', () => {
    const pinned = message(2);
    const state = run(
      loadedRoom([message(1), pinned]),
      { type: 'pin', message: pinned },
      { type: 'delete', messageId: pinned.id },
      { type: 'older-loaded', history: { messages: [message(0), pinned], hasMore: false } },
    );
    expect(bodies(state)).toEqual(['message 0', 'message 1']);
    expect(state.pinned).toBeNull();
  });

  it('after a reconnect, drops a message deleted while the viewer was disconnected', () => {
    const state = run(
      loadedRoom([message(1), message(2)]),
      { type: 'load-started' },
      {
        type: 'loaded',
        state: { settings, pinned: null, viewer },
        history: { messages: [message(1)], hasMore: false },
        requestedAt: Date.now(),
      },
    );
    expect(bodies(state)).toEqual(['message 1']);
  });

  it('empties the chat on "clear", and history asked for before the clear does not refill it', () => {
    const requestedAt = Date.now();
    vi.advanceTimersByTime(10);
    const cleared = run(loadedRoom([message(1)]), { type: 'clear' });
    expect(bodies(cleared)).toEqual([]);
    const state = run(cleared, {
      type: 'loaded',
      state: { settings, pinned: null, viewer },
      history: { messages: [message(1)], hasMore: true },
      requestedAt,
    });
    expect(bodies(state)).toEqual([]);
    expect(state.hasMore).toBe(false);
  });

  it('keeps the newest 300 messages in a busy room and offers to load the older ones', () => {
    const burst = Array.from({ length: 310 }, (_, n) => message(n));
    const state = run(loadedRoom(), { type: 'messages', messages: burst });
    expect(state.messages).toHaveLength(300);
    expect(state.messages[0]?.body).toBe('message 10');
    expect(state.hasMore).toBe(true);
  });

  it('shows an error only when nothing loaded yet: a failed reload keeps the chat on screen', () => {
    expect(run(initialChatRoom(settings), { type: 'load-failed', error: 'offline' })).toMatchObject({
      status: 'error',
      error: 'offline',
    });
    const state = run(loadedRoom([message(1)]), { type: 'load-failed', error: 'offline' });
    expect(state.status).toBe('ready');
    expect(bodies(state)).toEqual(['message 1']);
  });
});

describe('slow mode and sanctions', () => {
  const slow = { ...settings, slowModeSeconds: 10 };

  it('makes a viewer wait the slow-mode interval after sending', () => {
    const state = run(loadedRoom([], { settings: slow }), { type: 'sent', message: message(1) });
    expect(state.nextMessageAt).toBe(Date.now() + 10_000);
  });

  it('lets moderators send without waiting', () => {
    const state = run(loadedRoom([], { settings: slow, viewer: { ...viewer, canModerate: true } }), {
      type: 'sent',
      message: message(1),
    });
    expect(state.nextMessageAt).toBeNull();
  });

  it('resumes a wait the server reports on load, and lifts it when the creator turns slow mode off', () => {
    const waiting = loadedRoom([], { settings: slow, viewer: { ...viewer, slowModeRetryAfterMs: 4000 } });
    expect(waiting.nextMessageAt).toBe(Date.now() + 4000);
    expect(run(waiting, { type: 'settings', settings }).nextMessageAt).toBeNull();
  });

  it('marks the viewer timed out until the time the server sent, and updates their moderator role', () => {
    const expiresAt = '2026-01-01T12:40:00.000Z';
    const state = run(loadedRoom(), { type: 'timeout', expiresAt }, { type: 'role', canModerate: true });
    expect(state.viewer?.restriction).toEqual({ reason: 'TIMED_OUT', expiresAt });
    expect(state.viewer?.canModerate).toBe(true);
  });
});
