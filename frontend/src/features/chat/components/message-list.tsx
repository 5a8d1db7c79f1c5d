import { useRef, useState } from 'react';
import type { ChatMessage, ChatViewer } from '../api/chat-types.ts';
import { useAutoScroll } from '../hooks/use-auto-scroll.ts';
import { useChatAnnouncer } from '../hooks/use-chat-announcer.ts';
import type { ModerationNotice } from './message-actions.tsx';
import { MessageRow } from './message-row.tsx';

type MessageListProps = {
  hostId: string;
  messages: ChatMessage[];
  viewer: ChatViewer | null;
  pinnedId: string | null;
  hasMore: boolean;
  emptyText: string;
  onLoadOlder: () => Promise<void>;
  onNotice: (notice: ModerationNotice) => void;
};

/** The scrolling log: follows new messages unless the reader scrolled up, then offers a way back down. */
export function MessageList({ hostId, messages, viewer, pinnedId, hasMore, emptyText, onLoadOlder, onNotice }: MessageListProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const { hasNew, onScroll, scrollToBottom } = useAutoScroll(listRef, messages.at(-1)?.id);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderFailed, setOlderFailed] = useState(false);
  const announcement = useChatAnnouncer(messages);

  async function loadOlder() {
    const list = listRef.current;
    const fromBottom = list ? list.scrollHeight - list.scrollTop : 0;
    setLoadingOlder(true);
    setOlderFailed(false);
    try {
      await onLoadOlder();
    } catch {
      setOlderFailed(true);
    } finally {
      setLoadingOlder(false);
      // Keep the reader's place: older rows were added above what they were reading.
      requestAnimationFrame(() => {
        if (list) list.scrollTop = list.scrollHeight - fromBottom;
      });
    }
  }

  return (
    <div className="relative min-h-0 flex-1">
      <p role="status" className="sr-only" data-testid="chat-announcement">
        {announcement}
      </p>
      <div
        ref={listRef}
        onScroll={onScroll}
        className="h-full overflow-y-auto overscroll-contain px-1 py-2"
        data-testid="chat-scroll"
      >
        {hasMore && messages.length > 0 && (
          <div className="flex justify-center pb-2">
            <button
              type="button"
              onClick={loadOlder}
              disabled={loadingOlder}
              className="rounded-full px-3 py-1 text-xs font-medium text-zinc-400 hover:bg-zinc-800 hover:text-white"
            >
              {loadingOlder ? 'Loading…' : olderFailed ? 'Could not load them. Try again' : 'Show earlier messages'}
            </button>
          </div>
        )}
        {messages.length === 0 ? (
          <p className="flex h-full items-center justify-center px-6 text-center text-sm text-zinc-400">{emptyText}</p>
        ) : (
          // The log itself is not read out (a busy chat would drown everything): the rate-limited status below is.
          <ol role="log" aria-label="Chat messages" aria-live="off" className="flex flex-col">
            {messages.map((message) => (
              <MessageRow
                key={message.id}
                hostId={hostId}
                message={message}
                viewer={viewer}
                isPinned={pinnedId === message.id}
                onNotice={onNotice}
              />
            ))}
          </ol>
        )}
      </div>
      {hasNew && (
        <button
          type="button"
          onClick={scrollToBottom}
          className="absolute bottom-2 left-1/2 inline-flex -translate-x-1/2 items-center gap-1 rounded-full bg-accent-600 px-3 py-1.5 text-xs font-semibold text-white shadow-lg shadow-black/40 hover:bg-accent-500"
        >
          New messages
          <svg viewBox="0 0 24 24" className="size-3.5" fill="none" stroke="currentColor" strokeWidth={2.5} aria-hidden="true">
            <path d="M12 5v14M5 12l7 7 7-7" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
      )}
    </div>
  );
}
