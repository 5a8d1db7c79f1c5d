import { useState } from 'react';
import { ApiError } from '@/lib/api-client.ts';
import { useAnchoredMenu } from '@/lib/use-anchored-menu.ts';
import type { ChatMessage, ChatViewer } from '../api/chat-types.ts';
import {
  addModerator,
  banSender,
  deleteChatMessage,
  pinChatMessage,
  timeOutSender,
  unpinChatMessage,
} from '../api/chat-moderation.ts';

export type ModerationNotice = { tone: 'success' | 'error'; text: string };

type MessageActionsProps = {
  hostId: string;
  message: ChatMessage;
  viewer: ChatViewer;
  isPinned: boolean;
  onNotice: (notice: ModerationNotice) => void;
};

const TIMEOUTS = [
  { minutes: 1, label: '1 minute' },
  { minutes: 10, label: '10 minutes' },
  { minutes: 60, label: '1 hour' },
  { minutes: 1440, label: '24 hours' },
] as const;

const ITEM =
  'flex w-full items-center rounded-md px-3 py-2 text-left text-sm text-zinc-200 hover:bg-zinc-800 focus:bg-zinc-800 focus:outline-none disabled:opacity-50';
const MENU_WIDTH = 224;

/** The same rules the server applies: nobody moderates the creator or themselves; only the creator moderates a moderator. */
function canSanction(message: ChatMessage, viewer: ChatViewer): boolean {
  if (message.role === 'creator' || message.senderIdentity === viewer.identity) return false;
  return viewer.isOwner || message.role !== 'moderator';
}

/** A moderator's menu on one message: pin, delete, time out, ban, appoint (creator only). */
export function MessageActions({ hostId, message, viewer, isPinned, onNotice }: MessageActionsProps) {
  const { open, placement, menuId, buttonRef, menuRef, focusFirst, dismiss, handleKeyDown, ...menu } = useAnchoredMenu();
  const [view, setView] = useState<'main' | 'timeout' | 'ban'>('main');
  const [busy, setBusy] = useState(false);
  const name = message.senderName;

  function show(next: 'main' | 'timeout' | 'ban') {
    setView(next);
    focusFirst();
  }

  function toggle() {
    if (menu.toggle()) setView('main');
  }

  async function act(action: () => Promise<unknown>, success: string) {
    setBusy(true);
    try {
      await action();
      onNotice({ tone: 'success', text: success });
      dismiss();
    } catch (error) {
      onNotice({ tone: 'error', text: error instanceof ApiError ? error.message : 'That did not work. Please try again.' });
    } finally {
      setBusy(false);
    }
  }

  const sanctionable = canSanction(message, viewer);
  const appointable = viewer.isOwner && !message.isGuest && message.role === null && message.senderIdentity !== viewer.identity;

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        onClick={toggle}
        aria-label={`Moderate message from ${name}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        className="absolute right-1 top-1 rounded-md p-1 text-zinc-400 hover:bg-zinc-700 hover:text-white aria-expanded:bg-zinc-700 aria-expanded:text-white sm:opacity-0 sm:group-hover:opacity-100 sm:focus-visible:opacity-100 sm:aria-expanded:opacity-100"
      >
        <svg viewBox="0 0 24 24" className="size-4" fill="currentColor" aria-hidden="true">
          <circle cx="5" cy="12" r="2" />
          <circle cx="12" cy="12" r="2" />
          <circle cx="19" cy="12" r="2" />
        </svg>
      </button>
      {placement && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={`Moderate ${name}`}
          onKeyDown={handleKeyDown}
          style={{ ...placement, width: MENU_WIDTH }}
          className="fixed z-50 rounded-lg border border-zinc-800 bg-zinc-900 p-1 shadow-xl shadow-black/40"
        >
          {view === 'main' && (
            <>
              <p className="truncate px-3 pt-1.5 pb-1 text-xs text-zinc-400">{name}</p>
              <button
                role="menuitem"
                type="button"
                className={ITEM}
                disabled={busy}
                onClick={() =>
                  act(
                    () => (isPinned ? unpinChatMessage(hostId) : pinChatMessage(hostId, message.id)),
                    isPinned ? 'Message unpinned.' : 'Message pinned.',
                  )
                }
              >
                {isPinned ? 'Unpin message' : 'Pin message'}
              </button>
              <button
                role="menuitem"
                type="button"
                className={ITEM}
                disabled={busy}
                onClick={() => act(() => deleteChatMessage(hostId, message.id), 'Message deleted.')}
              >
                Delete message
              </button>
              {sanctionable && (
                <>
                  <button role="menuitem" type="button" className={ITEM} disabled={busy} onClick={() => show('timeout')}>
                    Time out…
                  </button>
                  <button
                    role="menuitem"
                    type="button"
                    className={`${ITEM} text-red-300`}
                    disabled={busy}
                    onClick={() => show('ban')}
                  >
                    Ban…
                  </button>
                </>
              )}
              {appointable && (
                <button
                  role="menuitem"
                  type="button"
                  className={ITEM}
                  disabled={busy}
                  onClick={() =>
                    act(() => addModerator(hostId, { userId: message.senderIdentity }), `${name} is now a moderator.`)
                  }
                >
                  Make moderator
                </button>
              )}
            </>
          )}
          {view === 'timeout' && (
            <>
              <p className="px-3 pt-1.5 pb-1 text-xs text-zinc-400">Time out {name} for</p>
              {TIMEOUTS.map((option) => (
                <button
                  key={option.minutes}
                  role="menuitem"
                  type="button"
                  className={ITEM}
                  disabled={busy}
                  onClick={() =>
                    act(
                      () => timeOutSender(hostId, message.senderIdentity, option.minutes),
                      `${name} is timed out for ${option.label}.`,
                    )
                  }
                >
                  {option.label}
                </button>
              ))}
              <button role="menuitem" type="button" className={`${ITEM} text-zinc-400`} onClick={() => show('main')}>
                Back
              </button>
            </>
          )}
          {view === 'ban' && (
            <>
              <p className="px-3 pt-1.5 pb-1 text-xs text-zinc-400">
                Ban {name}?{' '}
                {message.isGuest
                  ? 'They are removed from the stream and cannot chat.'
                  : 'They are blocked from your channel and removed from the stream.'}
              </p>
              <button
                role="menuitem"
                type="button"
                className={`${ITEM} font-semibold text-red-300`}
                disabled={busy}
                onClick={() => act(() => banSender(hostId, message.senderIdentity), `${name} is banned.`)}
              >
                Ban {name}
              </button>
              <button role="menuitem" type="button" className={`${ITEM} text-zinc-400`} onClick={() => show('main')}>
                Cancel
              </button>
            </>
          )}
        </div>
      )}
    </>
  );
}
