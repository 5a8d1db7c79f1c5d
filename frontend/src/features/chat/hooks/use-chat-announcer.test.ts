import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '../api/chat-types.ts';
import { ANNOUNCE_EVERY_MS, useChatAnnouncer } from './use-chat-announcer.ts';

const message = (id: number, body = `message ${id}`): ChatMessage =>
  ({ id: `m${id}`, senderName: `viewer${id}`, body, createdAt: new Date(0).toISOString() }) as ChatMessage;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('chat announcements for screen readers', () => {
  it('stay quiet about the history, read the first new message at once, then sum up at most every few seconds', () => {
    const history = [message(1), message(2)];
    const { result, rerender } = renderHook(({ messages }) => useChatAnnouncer(messages), {
      initialProps: { messages: history },
    });
    expect(result.current).toBe('');

    rerender({ messages: [...history, message(3, 'hello')] });
    act(() => vi.advanceTimersByTime(0));
    expect(result.current).toBe('viewer3: hello');

    // A burst: nothing new is read until the interval has passed, then one summary.
    const burst = [...history, message(3, 'hello'), message(4), message(5), message(6, 'last one')];
    rerender({ messages: burst });
    act(() => vi.advanceTimersByTime(ANNOUNCE_EVERY_MS - 100));
    expect(result.current).toBe('viewer3: hello');
    act(() => vi.advanceTimersByTime(100));
    expect(result.current).toBe('3 new messages. Latest, viewer6: last one');
  });
});
