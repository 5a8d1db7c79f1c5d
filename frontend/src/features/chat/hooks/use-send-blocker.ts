import type { ChatRoomState } from './chat-room-reducer.ts';
import { formatWait } from '@/lib/format-time.ts';
import { useCountdown } from '@/lib/use-clock.ts';

/** Why this viewer cannot send right now, in words the panel shows; null when they can. */
export type SendBlocker =
  | { kind: 'loading'; text: string }
  | { kind: 'off'; text: string }
  | { kind: 'restricted'; text: string }
  | { kind: 'timed-out'; text: string }
  | { kind: 'followers-only'; text: string; needsSignIn: boolean }
  | { kind: 'members-only'; text: string }
  | { kind: 'guest-name' }
  | { kind: 'slow-mode'; text: string; secondsLeft: number };

/**
 * The same rules the server enforces, so the panel can say why before anyone types. The server stays the
 * judge: a refusal it sends is shown as it is.
 */
export function useSendBlocker(
  state: ChatRoomState,
  input: { hostName: string; isFollowing: boolean; guestName: string | null },
): SendBlocker | null {
  const { viewer, settings } = state;
  const restriction = viewer?.restriction ?? null;
  const timeoutLeft = useCountdown(
    restriction?.reason === 'TIMED_OUT' && restriction.expiresAt ? Date.parse(restriction.expiresAt) : null,
  );
  const slowModeLeft = useCountdown(state.nextMessageAt);

  if (state.status !== 'ready' || !viewer) return { kind: 'loading', text: 'Connecting to chat…' };
  if (!settings.isChatEnabled) return { kind: 'off', text: 'Chat is turned off for this stream.' };
  if (restriction?.reason === 'BANNED' || restriction?.reason === 'BLOCKED')
    return {
      kind: 'restricted',
      text: restriction.reason === 'BANNED' ? 'You are banned from this chat.' : "You can't chat in this channel.",
    };
  if (timeoutLeft > 0) return { kind: 'timed-out', text: `You are timed out. You can chat again in ${formatWait(timeoutLeft)}.` };
  if (viewer.isGuest && !settings.guestsMayChat)
    return { kind: 'members-only', text: `${input.hostName} lets only signed-in viewers chat.` };
  if (settings.isChatFollowersOnly && !viewer.canModerate && !input.isFollowing)
    return viewer.isGuest
      ? { kind: 'followers-only', text: `Followers-only chat. Sign in and follow ${input.hostName} to chat.`, needsSignIn: true }
      : { kind: 'followers-only', text: `Followers-only chat. Follow ${input.hostName} to chat.`, needsSignIn: false };
  if (viewer.isGuest && !input.guestName) return { kind: 'guest-name' };
  if (slowModeLeft > 0)
    return {
      kind: 'slow-mode',
      text: `Slow mode: you can send again in ${formatWait(slowModeLeft)}.`,
      secondsLeft: Math.ceil(slowModeLeft / 1000),
    };
  return null;
}
