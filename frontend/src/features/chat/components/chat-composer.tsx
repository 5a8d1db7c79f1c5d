import { useId, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { paths } from '@/config/paths.ts';
import { ApiError } from '@/lib/api-client.ts';
import type { ChatViewer } from '../api/chat-types.ts';
import { sendChatMessage } from '../api/chat-messages.ts';
import type { ChatRoomAction } from '../hooks/chat-room-reducer.ts';
import type { SendBlocker } from '../hooks/use-send-blocker.ts';
import { useGuestName } from '../stores/guest-name-store.ts';
import { GuestNameForm } from './guest-name-form.tsx';
import { MESSAGE_MAX_LENGTH } from '@streamhouse/contract';

const MAX_LENGTH = MESSAGE_MAX_LENGTH;
const characters = (text: string) => [...text.trim()].length;

type ChatComposerProps = {
  hostId: string;
  roomToken: string;
  viewer: ChatViewer | null;
  blocker: SendBlocker | null;
  dispatch: (action: ChatRoomAction) => void;
};

/** Writing and sending, or — when sending is not allowed — the reason, in words. */
export function ChatComposer({ hostId, roomToken, viewer, blocker, dispatch }: ChatComposerProps) {
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState(false);
  const { name: guestName, setName: setGuestName } = useGuestName();
  const location = useLocation();
  const inputRef = useRef<HTMLInputElement>(null);
  const noteId = useId();

  if (blocker?.kind === 'guest-name' || (renaming && viewer?.isGuest))
    return (
      <div className="flex flex-col gap-2">
        <GuestNameForm
          initialName={renaming ? (guestName ?? undefined) : undefined}
          initialProblem={error}
          onCancel={renaming ? () => setRenaming(false) : undefined}
          onChosen={(name) => {
            setError(null);
            setGuestName(name);
            setRenaming(false);
            requestAnimationFrame(() => inputRef.current?.focus());
          }}
        />
        {!renaming && (
          <p className="text-xs text-zinc-400">
            Have an account?{' '}
            <Link to={paths.signIn.to(location.pathname)} className="font-semibold text-accent-400 hover:underline">
              Sign in
            </Link>{' '}
            to chat under your name.
          </p>
        )}
      </div>
    );

  const length = characters(draft);
  const inputDisabled = blocker !== null && blocker.kind !== 'slow-mode';
  const canSend = !blocker && !sending && length > 0 && length <= MAX_LENGTH;
  const note = blocker && 'text' in blocker ? blocker.text : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!canSend) return;
    setSending(true);
    setError(null);
    try {
      const message = await sendChatMessage(
        hostId,
        roomToken,
        draft.trim(),
        viewer?.isGuest ? (guestName ?? undefined) : undefined,
      );
      dispatch({ type: 'sent', message });
      setDraft('');
    } catch (failure) {
      // The draft stays, so nothing typed is lost.
      if (!(failure instanceof ApiError)) setError('Could not send. Check your connection and try again.');
      else {
        const { reason, retryAfterMs } = failure;
        if (reason === 'SLOW_MODE' && typeof retryAfterMs === 'number') dispatch({ type: 'slowed', retryAfterMs });
        else if (reason === 'TIMED_OUT' && typeof retryAfterMs === 'number')
          dispatch({
            type: 'restricted',
            restriction: { reason: 'TIMED_OUT', expiresAt: new Date(Date.now() + retryAfterMs).toISOString() },
          });
        else if (reason === 'BANNED' || reason === 'BLOCKED')
          dispatch({ type: 'restricted', restriction: { reason, expiresAt: null } });
        else if (reason === 'GUEST_NAME_TAKEN') {
          // Pick another name: the form opens with the server's reason.
          setGuestName(null);
          setError(failure.message);
        } else setError(failure.message);
      }
    } finally {
      setSending(false);
      requestAnimationFrame(() => inputRef.current?.focus());
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      {note && (
        <p
          id={noteId}
          className="rounded-md bg-zinc-800/70 px-3 py-2 text-sm text-zinc-300"
          aria-live="polite"
          data-testid="chat-notice"
        >
          {note}
          {((blocker?.kind === 'followers-only' && blocker.needsSignIn) || blocker?.kind === 'members-only') && (
            <>
              {' '}
              <Link to={paths.signIn.to(location.pathname)} className="font-semibold text-accent-400 hover:underline">
                Sign in
              </Link>
            </>
          )}
        </p>
      )}
      <div className="flex gap-2">
        <input
          ref={inputRef}
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            setError(null);
          }}
          disabled={inputDisabled}
          placeholder={inputDisabled ? 'Chat is not available' : 'Send a message'}
          aria-label="Chat message"
          aria-describedby={note ? noteId : undefined}
          aria-invalid={length > MAX_LENGTH || undefined}
          autoComplete="off"
          enterKeyHint="send"
          className="min-w-0 flex-1 rounded-lg border border-zinc-700 bg-zinc-950 px-3 py-2 text-sm text-zinc-100 placeholder:text-zinc-400 focus:outline-none focus:ring-2 focus:ring-accent-500 disabled:cursor-not-allowed disabled:opacity-60"
        />
        <button
          type="submit"
          disabled={!canSend}
          className="shrink-0 rounded-lg bg-accent-600 px-4 py-2 text-sm font-semibold text-white hover:bg-accent-500 disabled:cursor-not-allowed disabled:bg-zinc-800 disabled:text-zinc-400"
        >
          {blocker?.kind === 'slow-mode' ? `${blocker.secondsLeft}s` : 'Chat'}
        </button>
      </div>
      <div className="flex min-h-4 items-center justify-between gap-2 text-xs">
        {error ? (
          <p role="alert" className="text-red-400">
            {error}
          </p>
        ) : viewer?.isGuest && guestName ? (
          <p className="text-zinc-400">
            Chatting as <span className="font-semibold text-zinc-300">{guestName}</span>{' '}
            <button type="button" onClick={() => setRenaming(true)} className="text-accent-400 hover:underline">
              Change
            </button>
          </p>
        ) : (
          <span />
        )}
        {length > MAX_LENGTH - 100 && (
          <span className={length > MAX_LENGTH ? 'text-red-400' : 'text-zinc-400'}>{MAX_LENGTH - length}</span>
        )}
      </div>
    </form>
  );
}
