import { create } from 'zustand';
import { getSession, type SessionUser } from '../api/auth-api.ts';

type SessionState = {
  status: 'loading' | 'signed-in' | 'signed-out';
  user: SessionUser | null;
  /**
   * While loading: whether this browser was signed in when last seen, so pages lay out for the likely answer and do
   * not shift when it comes (the home page's welcome banner for visitors). A guess only; never trusted.
   */
  likelySignedIn: boolean;
  load: () => Promise<void>;
  setUser: (user: SessionUser | null) => void;
};

const SIGNED_IN_HINT = 'streamhouse:signed-in';

function rememberSignedIn(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(SIGNED_IN_HINT, '1');
    else localStorage.removeItem(SIGNED_IN_HINT);
  } catch {
    // storage disabled: pages lay out for a visitor while loading
  }
}

function wasSignedIn(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_HINT) === '1';
  } catch {
    return false;
  }
}

/** The session only: who is signed in. */
export const useSessionStore = create<SessionState>((set) => {
  const settle = (user: SessionUser | null) => {
    rememberSignedIn(Boolean(user));
    set({ user, status: user ? 'signed-in' : 'signed-out', likelySignedIn: Boolean(user) });
  };
  return {
    status: 'loading',
    user: null,
    likelySignedIn: wasSignedIn(),
    load: async () => {
      try {
        settle(await getSession());
      } catch {
        settle(null);
      }
    },
    setUser: settle,
  };
});
