import { useState } from 'react';
import { ApiError } from '@/lib/api-client.ts';
import { Button } from '@/components/button.tsx';
import type { ChatSettings } from '../api/chat-types.ts';
import { clearChat } from '../api/chat-moderation.ts';
import type { ModerationNotice } from './message-actions.tsx';

const CHIP = 'rounded-full bg-zinc-800 px-2 py-0.5 text-xs font-medium text-zinc-300';

/** The title, the room's mode in words (updated live), and "Clear chat" for moderators. */
export function ChatHeader({
  hostId,
  settings,
  canModerate,
  onNotice,
}: {
  hostId: string;
  settings: ChatSettings;
  canModerate: boolean;
  onNotice: (notice: ModerationNotice) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  async function clear() {
    setBusy(true);
    try {
      await clearChat(hostId);
      onNotice({ tone: 'success', text: 'Chat cleared.' });
      setConfirming(false);
    } catch (error) {
      onNotice({
        tone: 'error',
        text: error instanceof ApiError ? error.message : 'Could not clear the chat. Please try again.',
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <header className="border-b border-zinc-800">
      <div className="flex min-h-12 flex-wrap items-center gap-2 px-3 py-2">
        <h2 className="mr-auto text-sm font-semibold uppercase tracking-wide text-zinc-300">Stream chat</h2>
        <div className="flex flex-wrap items-center gap-1.5" aria-live="polite" data-testid="chat-mode">
          {!settings.isChatEnabled && <span className={CHIP}>Chat off</span>}
          {settings.isChatEnabled && settings.isChatFollowersOnly && <span className={CHIP}>Followers-only</span>}
          {settings.isChatEnabled && settings.slowModeSeconds > 0 && (
            <span className={CHIP}>Slow mode: {settings.slowModeSeconds}s</span>
          )}
        </div>
        {canModerate && !confirming && (
          <button
            type="button"
            onClick={() => setConfirming(true)}
            className="rounded-md px-2 py-1 text-xs font-medium text-zinc-400 hover:bg-zinc-800 hover:text-white"
          >
            Clear chat
          </button>
        )}
      </div>
      {confirming && (
        <div
          className="flex items-center gap-2 border-t border-zinc-800 bg-zinc-950/60 px-3 py-2 text-sm"
          role="group"
          aria-label="Confirm clearing the chat"
        >
          <span className="mr-auto text-zinc-300">Remove every message for everyone?</span>
          <Button variant="ghost" className="px-2 py-1" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
          <Button variant="danger" className="px-2 py-1" loading={busy} onClick={clear}>
            Clear
          </Button>
        </div>
      )}
    </header>
  );
}
