import { useState } from 'react';
import { Button } from '@/components/button.tsx';
import { Spinner } from '@/components/spinner.tsx';
import type { ChatSettings } from '../api/chat-types.ts';
import { useChatRoom } from '../hooks/use-chat-room.ts';
import { useSendBlocker } from '../hooks/use-send-blocker.ts';
import { useGuestName } from '../stores/guest-name-store.ts';
import { ChatComposer } from './chat-composer.tsx';
import { ChatHeader } from './chat-header.tsx';
import type { ModerationNotice } from './message-actions.tsx';
import { MessageList } from './message-list.tsx';
import { PinnedMessage } from './pinned-message.tsx';

export type ChatPanelProps = {
  hostId: string;
  /** The creator's display username ("Follow … to chat"). */
  hostName: string;
  /** The LiveKit token the page joined the room with: a guest's proof of identity. */
  roomToken: string;
  /** The rules as the page loaded them; the panel keeps them current. */
  initialSettings: ChatSettings;
  /** Kept current by the page's follow button. */
  isFollowing: boolean;
  /** Messages only: no composer and no moderation (an embed on another site, where nobody is signed in). */
  readOnly?: boolean;
};

/** The stream's chat, inside the LiveKit room. Default export: loaded lazily with the watch page. */
export default function ChatPanel({
  hostId,
  hostName,
  roomToken,
  initialSettings,
  isFollowing,
  readOnly = false,
}: ChatPanelProps) {
  const { state, dispatch, retry, loadOlder } = useChatRoom(hostId, roomToken, initialSettings);
  const guestName = useGuestName((store) => store.name);
  const blocker = useSendBlocker(state, { hostName, isFollowing, guestName });
  const [notice, setNotice] = useState<ModerationNotice | null>(null);
  const canModerate = !readOnly && (state.viewer?.canModerate ?? false);

  return (
    <div className="flex h-full min-h-0 flex-col bg-zinc-900 lg:rounded-xl" data-testid="chat-panel">
      <ChatHeader hostId={hostId} settings={state.settings} canModerate={canModerate} onNotice={setNotice} />
      {state.pinned && <PinnedMessage hostId={hostId} message={state.pinned} canModerate={canModerate} onNotice={setNotice} />}
      {state.status === 'loading' && state.messages.length === 0 ? (
        <div className="flex flex-1 items-center justify-center text-zinc-400" role="status">
          <Spinner />
          <span className="sr-only">Loading chat…</span>
        </div>
      ) : state.status === 'error' ? (
        <div
          className="flex flex-1 flex-col items-center justify-center gap-3 px-6 text-center text-sm text-zinc-400"
          role="alert"
        >
          <p>Could not load the chat. {state.error}</p>
          <Button variant="secondary" onClick={retry}>
            Try again
          </Button>
        </div>
      ) : (
        <MessageList
          hostId={hostId}
          messages={state.messages}
          viewer={readOnly ? null : state.viewer}
          pinnedId={state.pinned?.id ?? null}
          hasMore={state.hasMore}
          emptyText={
            !state.settings.isChatEnabled
              ? 'Chat is turned off for this stream.'
              : readOnly
                ? 'No messages yet.'
                : 'No messages yet. Say hello!'
          }
          onLoadOlder={loadOlder}
          onNotice={setNotice}
        />
      )}
      {!readOnly && (
        <div className="border-t border-zinc-800 p-3">
          {notice && (
            <p
              role={notice.tone === 'error' ? 'alert' : 'status'}
              className={`mb-2 flex items-start justify-between gap-2 text-xs ${notice.tone === 'error' ? 'text-red-400' : 'text-emerald-400'}`}
            >
              {notice.text}
              <button
                type="button"
                onClick={() => setNotice(null)}
                aria-label="Dismiss"
                className="text-zinc-400 hover:text-white"
              >
                ✕
              </button>
            </p>
          )}
          <ChatComposer hostId={hostId} roomToken={roomToken} viewer={state.viewer} blocker={blocker} dispatch={dispatch} />
        </div>
      )}
    </div>
  );
}
