import { create } from 'zustand';
import { persist } from 'zustand/middleware';

type GuestNameState = { name: string | null; setName: (name: string | null) => void };

/** The name a guest chats under, remembered on this device across channels and visits. */
export const useGuestName = create<GuestNameState>()(
  persist((set) => ({ name: null, setName: (name) => set({ name }) }), { name: 'streamhouse.chat.guest-name' }),
);

/** The server's rules for a guest's name (tokens.schemas.ts guestNameSchema). */
export function guestNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length < 2) return 'Use at least 2 characters.';
  if (trimmed.length > 24) return 'Use at most 24 characters.';
  if (!/^[\p{L}\p{N} _.-]+$/u.test(trimmed)) return 'Use letters, digits, spaces, _ . and - only.';
  return null;
}
