import { useCallback, useEffect, useRef, useState } from 'react';
import { useDataChannel } from '@livekit/components-react';
import { ApiError } from '@/lib/api-client.ts';
import { REACTIONS, type Reaction, type ReactionEvent } from '../api/chat-types.ts';
import { sendReaction } from '../api/chat-messages.ts';
import { TOPICS } from '@streamhouse/contract';

const EMOJI: Record<Reaction, string> = { like: '👍', love: '❤️', fire: '🔥', clap: '👏', wow: '😮' };
const LABEL: Record<Reaction, string> = { like: 'Like', love: 'Love', fire: 'Fire', clap: 'Clap', wow: 'Wow' };
/** More than this on screen at once is noise, and costs frames. */
const MAX_FLOATING = 40;

type Floating = { id: string; emoji: string; offset: number; drift: number };

const decoder = new TextDecoder();

/** Rises from the bottom right and fades; a plain fade for people who ask for less motion. */
function animateFloat(element: HTMLElement, drift: number): Animation {
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  // From just above the player bar to just below the picker, whatever the player's height.
  const rise = Math.max(60, Math.round(((element.parentElement?.clientHeight ?? 300) - 110) * 0.8));
  const frames = reduced
    ? [{ opacity: 0 }, { opacity: 1, offset: 0.2 }, { opacity: 0 }]
    : [
        { transform: 'translate(0, 0) scale(0.6)', opacity: 0 },
        { transform: `translate(${drift / 3}px, -${rise * 0.1}px) scale(1.15)`, opacity: 1, offset: 0.1 },
        { transform: `translate(${drift * 0.8}px, -${rise * 0.7}px) scale(1)`, opacity: 1, offset: 0.7 },
        { transform: `translate(${drift}px, -${rise}px) scale(0.9)`, opacity: 0 },
      ];
  return element.animate(frames, { duration: reduced ? 1200 : 2600, easing: 'ease-out', fill: 'forwards' });
}

function FloatingReaction({ item, onDone }: { item: Floating; onDone: (id: string) => void }) {
  const ref = useRef<HTMLSpanElement>(null);
  // The animation lives in the DOM: start it when the emoji appears, remove the emoji when it ends.
  useEffect(() => {
    if (!ref.current) return;
    const animation = animateFloat(ref.current, item.drift);
    animation.onfinish = () => onDone(item.id);
    return () => animation.cancel();
  }, [item, onDone]);
  return (
    <span
      ref={ref}
      className="absolute bottom-14 text-3xl opacity-0 drop-shadow-[0_2px_4px_rgba(0,0,0,0.6)] sm:text-4xl"
      style={{ right: 16 + item.offset }}
      data-testid="floating-reaction"
    >
      {item.emoji}
    </span>
  );
}

type ReactionsOverlayProps = { hostId: string; roomToken: string };

/** Floating reactions over the live picture, and the picker that sends them. Default export: loaded lazily. */
export default function ReactionsOverlay({ hostId, roomToken }: ReactionsOverlayProps) {
  const [floating, setFloating] = useState<Floating[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [coolingDown, setCoolingDown] = useState(false);

  const remove = useCallback((id: string) => setFloating((current) => current.filter((item) => item.id !== id)), []);

  const onReaction = useCallback((message: { payload: Uint8Array; from?: unknown }) => {
    if (message.from) return;
    let event: ReactionEvent;
    try {
      event = JSON.parse(decoder.decode(message.payload)) as ReactionEvent;
    } catch {
      return;
    }
    // One reaction, or several that shared a packet in a busy room.
    const reactions = event.type === 'reaction' ? [event.reaction] : event.type === 'reactions' ? event.reactions : [];
    const items = reactions
      .filter((reaction) => reaction in EMOJI)
      .map((reaction) => ({
        id: crypto.randomUUID(),
        emoji: EMOJI[reaction],
        offset: Math.random() * 64,
        drift: (Math.random() - 0.5) * 60,
      }));
    if (items.length) setFloating((current) => [...current, ...items].slice(-MAX_FLOATING));
  }, []);
  useDataChannel(TOPICS.reaction, onReaction);

  async function react(reaction: Reaction) {
    setProblem(null);
    try {
      await sendReaction(hostId, roomToken, reaction);
    } catch (error) {
      if (error instanceof ApiError && error.status === 429) {
        const wait = error.retryAfterMs ?? 1000;
        setCoolingDown(true);
        setTimeout(() => setCoolingDown(false), wait);
      } else setProblem(error instanceof ApiError ? error.message : 'Could not send the reaction.');
    }
  }

  return (
    <div className="pointer-events-none absolute inset-0 overflow-hidden" data-testid="reactions-overlay">
      <div aria-hidden="true" className="absolute inset-0">
        {floating.map((item) => (
          <FloatingReaction key={item.id} item={item} onDone={remove} />
        ))}
      </div>
      <div className="pointer-events-auto absolute right-2 top-2 flex flex-col items-end gap-1">
        <div role="group" aria-label="React" className="flex gap-0.5 rounded-full bg-black/55 p-1 backdrop-blur">
          {REACTIONS.map((reaction) => (
            <button
              key={reaction}
              type="button"
              onClick={() => react(reaction)}
              disabled={coolingDown}
              aria-label={`React: ${LABEL[reaction]}`}
              title={LABEL[reaction]}
              className="flex size-7 items-center justify-center rounded-full text-base sm:size-8 sm:text-lg transition-transform hover:scale-110 hover:bg-white/15 active:scale-95 disabled:opacity-40 disabled:hover:scale-100"
            >
              {EMOJI[reaction]}
            </button>
          ))}
        </div>
        {problem && (
          <p role="alert" className="max-w-56 rounded-md bg-black/70 px-2 py-1 text-xs text-white">
            {problem}
          </p>
        )}
      </div>
    </div>
  );
}
