import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { GUEST_NAME_MAX_LENGTH, GUEST_NAME_MIN_LENGTH, GUEST_NAME_PATTERN } from '@streamhouse/contract';

type GuestNameState = { name: string | null; setName: (name: string | null) => void };

/** The name a guest chats under, remembered on this device across channels and visits. */
export const useGuestName = create<GuestNameState>()(
  persist((set) => ({ name: null, setName: (name) => set({ name }) }), { name: 'streamhouse.chat.guest-name' }),
);

/** The server's rules for a guest's name, from the shared contract. */
export function guestNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length < GUEST_NAME_MIN_LENGTH) return `Use at least ${GUEST_NAME_MIN_LENGTH} characters.`;
  if (trimmed.length > GUEST_NAME_MAX_LENGTH) return `Use at most ${GUEST_NAME_MAX_LENGTH} characters.`;
  if (!GUEST_NAME_PATTERN.test(trimmed)) return 'Use letters, digits, spaces, _ . and - only.';
  return null;
}
