import { useState } from 'react';
import { ApiError } from '@/lib/api-client.ts';
import type { ChatMessage } from '../api/chat-types.ts';
import { unpinChatMessage } from '../api/chat-moderation.ts';
import type { ModerationNotice } from './message-actions.tsx';
import { SenderName } from './sender-name.tsx';

/** The one message a moderator pinned, above the chat for everyone. */
export function PinnedMessage({
  hostId,
  message,
  canModerate,
  onNotice,
}: {
  hostId: string;
  message: ChatMessage;
  canModerate: boolean;
  onNotice: (notice: ModerationNotice) => void;
}) {
  const [busy, setBusy] = useState(false);

  async function unpin() {
    setBusy(true);
    try {
      await unpinChatMessage(hostId);
    } catch (error) {
      onNotice({ tone: 'error', text: error instanceof ApiError ? error.message : 'Could not unpin. Please try again.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      aria-label="Pinned message"
      className="mx-2 mt-2 rounded-lg border border-accent-500/40 bg-accent-600/10 px-3 py-2 text-sm"
      data-testid="pinned-message"
    >
      <div className="mb-0.5 flex items-center justify-between gap-2 text-xs font-semibold text-accent-400">
        <span className="inline-flex items-center gap-1">
          <svg viewBox="0 0 24 24" className="size-3.5" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden="true">
            <path d="M12 17v5M9 3h6l-1 7 4 3v2H6v-2l4-3-1-7z" strokeLinejoin="round" />
          </svg>
          Pinned
        </span>
        {canModerate && (
          <button
            type="button"
            onClick={unpin}
            disabled={busy}
            className="rounded px-1.5 py-0.5 text-zinc-400 hover:bg-zinc-800 hover:text-white"
          >
            Unpin
          </button>
        )}
      </div>
      <p className="line-clamp-3 break-words leading-5">
        <SenderName message={message} />
        <span className="text-zinc-400">: </span>
        <span className="text-zinc-100">{message.body}</span>
      </p>
    </section>
  );
}
