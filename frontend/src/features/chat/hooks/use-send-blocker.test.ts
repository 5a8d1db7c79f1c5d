import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatSettings, ChatViewer } from '../api/chat-types.ts';
import { initialChatRoom, type ChatRoomState } from './chat-room-reducer.ts';
import { useSendBlocker, type SendBlocker } from './use-send-blocker.ts';

const settings: ChatSettings = { isChatEnabled: true, isChatFollowersOnly: false, slowModeSeconds: 0, guestsMayChat: true };
const member: ChatViewer = {
  identity: 'user-1',
  name: 'ada',
  isGuest: false,
  isOwner: false,
  canModerate: false,
  isFollowing: false,
  restriction: null,
  slowModeRetryAfterMs: 0,
};
const guest: ChatViewer = { ...member, identity: 'guest-1', name: 'visitor', isGuest: true };

function room(change: { settings?: Partial<ChatSettings>; viewer?: ChatViewer; nextMessageAt?: number } = {}): ChatRoomState {
  return {
    ...initialChatRoom(settings),
    status: 'ready',
    settings: { ...settings, ...change.settings },
    viewer: change.viewer ?? member,
    nextMessageAt: change.nextMessageAt ?? null,
  };
}

const input: { hostName: string; isFollowing: boolean; guestName: string | null } = {
  hostName: 'cleo',
  isFollowing: false,
  guestName: null,
};
/** The sentence the chat box shows instead of the input. */
const textOf = (blocker: SendBlocker | null) => (blocker && 'text' in blocker ? blocker.text : undefined);
const blockerFor = (state: ChatRoomState, overrides: Partial<typeof input> = {}) =>
  renderHook(() => useSendBlocker(state, { ...input, ...overrides })).result.current;

beforeEach(() => vi.useFakeTimers({ now: new Date('2026-01-01T12:00:00Z') }));
afterEach(() => vi.useRealTimers());

describe('what the chat box says when a viewer cannot send', () => {
  it('says it is connecting until the room has loaded', () => {
    expect(blockerFor(initialChatRoom(settings))).toEqual({ kind: 'loading', text: 'Connecting to chat…' });
  });

  it('lets a signed-in viewer send in an open room', () => {
    expect(blockerFor(room())).toBeNull();
  });

  it('says chat is off when the creator turned it off', () => {
    expect(textOf(blockerFor(room({ settings: { isChatEnabled: false } })))).toBe('Chat is turned off for this stream.');
  });

  it('tells banned and blocked viewers they cannot chat', () => {
    expect(textOf(blockerFor(room({ viewer: { ...member, restriction: { reason: 'BANNED', expiresAt: null } } })))).toBe(
      'You are banned from this chat.',
    );
    expect(textOf(blockerFor(room({ viewer: { ...member, restriction: { reason: 'BLOCKED', expiresAt: null } } })))).toBe(
      "You can't chat in this channel.",
    );
  });

  it('counts down a timeout and lets the viewer chat once it is over', () => {
    const expiresAt = new Date(Date.now() + 90_000).toISOString();
    const { result } = renderHook(() =>
      useSendBlocker(room({ viewer: { ...member, restriction: { reason: 'TIMED_OUT', expiresAt } } }), input),
    );
    expect(textOf(result.current)).toBe('You are timed out. You can chat again in 1:30.');
    act(() => vi.advanceTimersByTime(60_000));
    expect(textOf(result.current)).toBe('You are timed out. You can chat again in 30s.');
    act(() => vi.advanceTimersByTime(31_000));
    expect(result.current).toBeNull();
  });

  describe('followers-only chat', () => {
    const followersOnly = { settings: { isChatFollowersOnly: true } };

    it('asks a signed-in viewer to follow, and a guest to sign in and follow', () => {
      expect(blockerFor(room(followersOnly))).toEqual({
        kind: 'followers-only',
        text: 'Followers-only chat. Follow cleo to chat.',
        needsSignIn: false,
      });
      expect(blockerFor(room({ ...followersOnly, viewer: guest }), { guestName: 'visitor' })).toEqual({
        kind: 'followers-only',
        text: 'Followers-only chat. Sign in and follow cleo to chat.',
        needsSignIn: true,
      });
    });

    it('lets followers and moderators send', () => {
      expect(blockerFor(room(followersOnly), { isFollowing: true })).toBeNull();
      expect(blockerFor(room({ ...followersOnly, viewer: { ...member, canModerate: true } }))).toBeNull();
    });
  });

  it('asks a guest for a name first, and says when only signed-in viewers may chat', () => {
    expect(blockerFor(room({ viewer: guest }))).toEqual({ kind: 'guest-name' });
    expect(blockerFor(room({ viewer: guest }), { guestName: 'visitor' })).toBeNull();
    expect(textOf(blockerFor(room({ viewer: guest, settings: { guestsMayChat: false } }), { guestName: 'visitor' }))).toBe(
      'cleo lets only signed-in viewers chat.',
    );
  });

  it('in slow mode, shows the seconds left and lifts the block when they run out', () => {
    const state = room({ settings: { slowModeSeconds: 10 }, nextMessageAt: Date.now() + 10_000 });
    const { result } = renderHook(() => useSendBlocker(state, input));
    expect(result.current).toEqual({ kind: 'slow-mode', text: 'Slow mode: you can send again in 10s.', secondsLeft: 10 });
    act(() => vi.advanceTimersByTime(6_000));
    expect(result.current).toMatchObject({ text: 'Slow mode: you can send again in 4s.', secondsLeft: 4 });
    act(() => vi.advanceTimersByTime(4_500));
    expect(result.current).toBeNull();
  });
});
