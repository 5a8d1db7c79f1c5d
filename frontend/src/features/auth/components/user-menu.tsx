import { Link, useNavigate } from 'react-router';
import { paths } from '@/config/paths.ts';
import { signOut } from '../api/auth-api.ts';
import { useSessionStore } from '../stores/session-store.ts';

/** Header corner: sign-in links, or the signed-in user with go-live and sign-out. */
export function UserMenu() {
  const { status, user, setUser } = useSessionStore();
  const navigate = useNavigate();

  if (status === 'loading') return <div className="h-9 w-24 animate-pulse rounded-lg bg-zinc-800" aria-hidden="true" />;
  if (!user)
    return (
      <nav className="flex items-center gap-2" aria-label="Account">
        <Link to={paths.signIn.to()} className="rounded-lg px-3 py-2 text-sm font-semibold text-zinc-300 hover:bg-zinc-800 hover:text-white">
          Sign in
        </Link>
        <Link to={paths.signUp.to()} className="rounded-lg bg-accent-600 px-3 py-2 text-sm font-semibold text-white hover:bg-accent-500">
          Sign up
        </Link>
      </nav>
    );

  async function handleSignOut() {
    await signOut();
    setUser(null);
    navigate(paths.home.to());
  }

  return (
    <nav className="flex items-center gap-2" aria-label="Account">
      <Link to={paths.goLive.to()} className="rounded-lg bg-accent-600 px-3 py-2 text-sm font-semibold text-white hover:bg-accent-500">
        Go live
      </Link>
      <span className="hidden text-sm text-zinc-400 sm:inline" data-testid="signed-in-as">
        {user.displayUsername}
      </span>
      <button type="button" onClick={handleSignOut} className="rounded-lg px-3 py-2 text-sm font-semibold text-zinc-300 hover:bg-zinc-800 hover:text-white">
        Sign out
      </button>
    </nav>
  );
}
