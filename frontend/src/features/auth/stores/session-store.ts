import { create } from 'zustand';
import { getSession, type SessionUser } from '../api/auth-api.ts';

type SessionState = {
  status: 'loading' | 'signed-in' | 'signed-out';
  user: SessionUser | null;
  load: () => Promise<void>;
  setUser: (user: SessionUser | null) => void;
};

/** The session only: who is signed in. */
export const useSessionStore = create<SessionState>((set) => ({
  status: 'loading',
  user: null,
  load: async () => {
    try {
      const user = await getSession();
      set({ user, status: user ? 'signed-in' : 'signed-out' });
    } catch {
      set({ user: null, status: 'signed-out' });
    }
  },
  setUser: (user) => set({ user, status: user ? 'signed-in' : 'signed-out' }),
}));
