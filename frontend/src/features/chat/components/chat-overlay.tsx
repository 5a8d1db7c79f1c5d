import type { ChatSettings } from '../api/chat-types.ts';
import { useChatRoom } from '../hooks/use-chat-room.ts';
import { SenderName } from './sender-name.tsx';

/** An overlay shows the newest lines only; older ones have scrolled off the scene anyway. */
const LINES = 30;

export type ChatOverlayProps = {
  hostId: string;
  /** The LiveKit token the page joined with (read-only: the overlay never sends). */
  roomToken: string;
  initialSettings: ChatSettings;
  /** `dark` scenes get light text, `light` scenes dark text; each with an outline that keeps it readable on video. */
  theme: 'dark' | 'light';
  /** Seconds a line stays before it fades out; 0 keeps every line. */
  fadeAfterSeconds: number;
};

/**
 * The chat for an OBS browser source: a transparent page, large lines at the bottom, badges and name colours, each
 * line fading after a while. It follows the room like the watch page's chat (reloads after reconnecting).
 * Default export: loaded lazily with LiveKit.
 */
export default function ChatOverlay({ hostId, roomToken, initialSettings, theme, fadeAfterSeconds }: ChatOverlayProps) {
  const { state } = useChatRoom(hostId, roomToken, initialSettings);
  const lines = state.messages.slice(-LINES);
  const ink =
    theme === 'light'
      ? 'text-zinc-950 [text-shadow:0_0_3px_rgb(255_255_255),0_0_1px_rgb(255_255_255)]'
      : 'text-white [text-shadow:0_0_3px_rgb(0_0_0),0_0_1px_rgb(0_0_0)]';
  return (
    <div className={`flex h-dvh flex-col justify-end overflow-hidden p-4 ${ink}`} data-testid="chat-overlay">
      <ol aria-label="Chat" aria-live="polite" className="flex flex-col gap-2">
        {lines.map((message) => (
          <li
            key={message.id}
            data-testid="chat-overlay-line"
            className={`text-2xl leading-snug font-semibold break-words ${fadeAfterSeconds > 0 ? 'chat-overlay-fade' : ''}`}
            style={fadeAfterSeconds > 0 ? { animationDelay: `${fadeAfterSeconds}s` } : undefined}
          >
            <SenderName message={message} />
            <span>: </span>
            <span>{message.body}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
