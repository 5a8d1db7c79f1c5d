import { useEffect, useMemo, useRef } from 'react';
import type { ReplayChatMessage } from '../api/replays-api.ts';
import { formatClock } from '@/lib/format-time.ts';

/** Shown at most: older lines scroll away like in the live chat. */
const VISIBLE_MESSAGES = 200;

/**
 * The chat as viewers saw it, in step with the video: a message appears when the video reaches the moment it
 * was sent, and seeking back takes later ones away again.
 */
export function ReplayChat({
  messages,
  positionMs,
  state,
}: {
  messages: ReplayChatMessage[];
  positionMs: number;
  state: 'loading' | 'error' | 'ready';
}) {
  const listRef = useRef<HTMLOListElement>(null);
  const shown = useMemo(() => {
    // Messages come sorted by time: find how many the video has reached.
    let reached = 0;
    while (reached < messages.length && messages[reached]!.offsetMs <= positionMs) reached += 1;
    return messages.slice(Math.max(0, reached - VISIBLE_MESSAGES), reached);
  }, [messages, positionMs]);

  const newest = shown[shown.length - 1]?.id;
  // Keep the newest line in view as the video plays (the list is the DOM to synchronise).
  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [newest]);

  return (
    <div className="flex h-full min-h-0 flex-col bg-zinc-900/60">
      <div className="border-b border-zinc-800 px-4 py-3">
        <h2 className="text-sm font-semibold text-zinc-100">Chat replay</h2>
        <p className="text-xs text-zinc-400">
          {messages.length === 1 ? '1 message' : `${messages.length} messages`} during this stream
        </p>
      </div>
      {state === 'loading' && (
        <p className="p-4 text-sm text-zinc-400" role="status">
          Loading the chat…
        </p>
      )}
      {state === 'error' && (
        <p className="p-4 text-sm text-red-400" role="alert">
          Could not load the chat of this stream.
        </p>
      )}
      {state === 'ready' && shown.length === 0 && (
        <p className="p-4 text-sm text-zinc-400">
          {messages.length ? 'Messages appear here as the video reaches them.' : 'Nobody chatted during this stream.'}
        </p>
      )}
      <ol ref={listRef} className="min-h-0 flex-1 overflow-y-auto px-2 py-2" aria-live="off" aria-label="Chat messages so far">
        {shown.map((message) => (
          <li
            key={message.id}
            className="rounded-md px-2 py-1 text-sm leading-6 break-words hover:bg-zinc-800/60"
            data-testid="replay-chat-message"
          >
            <span className="mr-2 text-xs text-zinc-400 tabular-nums">{formatClock(message.offsetMs)}</span>
            <span className="font-semibold" style={{ color: message.color }}>
              {message.senderName}
            </span>
            {message.isGuest && <span className="ml-1 text-xs text-zinc-400">(guest)</span>}
            <span className="text-zinc-400">: </span>
            <span className="text-zinc-100">{message.body}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
