import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { paths } from '@/config/paths.ts';
import { Avatar } from '@/components/avatar.tsx';
import { signOut } from '../api/auth-api.ts';
import { useSessionStore } from '../stores/session-store.ts';

const ITEM =
  'flex w-full items-center rounded-md px-3 py-2 text-left text-sm text-zinc-200 hover:bg-zinc-800 focus:bg-zinc-800 focus:outline-none';

/** Header corner: sign-in links, or Go live plus the signed-in user's menu (profile, following, settings, sign out). */
export function UserMenu() {
  const { status, user, setUser } = useSessionStore();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [signOutError, setSignOutError] = useState<string>();
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  // Closing on an outside click needs a document listener while the menu is open.
  useEffect(() => {
    if (!open) return;
    const closeOnOutsideClick = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node) && !buttonRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutsideClick);
    return () => document.removeEventListener('pointerdown', closeOnOutsideClick);
  }, [open]);

  if (status === 'loading') return <div className="h-9 w-24 animate-pulse rounded-lg bg-zinc-800" aria-hidden="true" />;
  if (!user)
    return (
      <nav className="flex shrink-0 items-center gap-2" aria-label="Account">
        <Link
          to={paths.signIn.to()}
          className="rounded-lg px-3 py-2 text-sm font-semibold whitespace-nowrap text-zinc-300 hover:bg-zinc-800 hover:text-white"
        >
          Sign in
        </Link>
        <Link
          to={paths.signUp.to()}
          className="rounded-lg bg-accent-600 px-3 py-2 text-sm font-semibold whitespace-nowrap text-white hover:bg-accent-500"
        >
          Sign up
        </Link>
      </nav>
    );

  function items(): HTMLElement[] {
    return Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  }

  function openMenu() {
    setOpen(true);
    // The menu renders on this click; focus its first item once it is there.
    requestAnimationFrame(() => items()[0]?.focus());
  }

  function close(returnFocus = true) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  function handleMenuKeyDown(event: KeyboardEvent) {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') close();
    else if (event.key === 'ArrowDown') all[(index + 1) % all.length]?.focus();
    else if (event.key === 'ArrowUp') all[(index - 1 + all.length) % all.length]?.focus();
    else if (event.key === 'Home') all[0]?.focus();
    else if (event.key === 'End') all.at(-1)?.focus();
    else if (event.key === 'Tab') close(false);
    else return;
    if (event.key !== 'Tab') event.preventDefault();
  }

  async function handleSignOut() {
    try {
      await signOut();
      setUser(null);
      setOpen(false);
      navigate(paths.home.to());
    } catch {
      setSignOutError('Could not sign out. Check your connection and try again.');
    }
  }

  return (
    <nav className="relative flex shrink-0 items-center gap-2" aria-label="Account">
      <Link
        to={paths.goLive.to()}
        className="hidden rounded-lg bg-accent-600 px-3 py-2 text-sm font-semibold whitespace-nowrap text-white hover:bg-accent-500 sm:block"
      >
        Go live
      </Link>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openMenu())}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            openMenu();
          }
        }}
        className="flex items-center gap-2 rounded-full p-0.5 hover:bg-zinc-800 sm:pr-2"
        data-testid="user-menu-button"
      >
        <Avatar url={user.image} name={user.displayUsername} size="sm" />
        {/* Named by its text, so what is seen is what is read: "Account menu for <username>" (the name alone on phones). */}
        <span className="sr-only">Account menu for </span>
        <span
          className="sr-only text-sm font-medium text-zinc-200 sm:not-sr-only sm:max-w-32 sm:truncate"
          data-testid="signed-in-as"
        >
          {user.displayUsername}
        </span>
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label="Account"
          onKeyDown={handleMenuKeyDown}
          className="absolute top-full right-0 z-50 mt-2 w-60 rounded-xl border border-zinc-800 bg-zinc-900 p-1.5 shadow-2xl shadow-black/50"
        >
          <div className="border-b border-zinc-800 px-3 pt-1.5 pb-2.5" role="none">
            <p className="truncate font-semibold text-zinc-100">{user.name}</p>
            <p className="truncate text-sm text-zinc-400">@{user.displayUsername}</p>
          </div>
          <div className="flex flex-col gap-0.5 py-1.5" role="none">
            <Link
              role="menuitem"
              tabIndex={-1}
              to={paths.profile.to(user.displayUsername)}
              className={ITEM}
              onClick={() => setOpen(false)}
            >
              Your channel
            </Link>
            <Link role="menuitem" tabIndex={-1} to={paths.following.to()} className={ITEM} onClick={() => setOpen(false)}>
              Following
            </Link>
            <Link role="menuitem" tabIndex={-1} to={paths.dashboard.to()} className={ITEM} onClick={() => setOpen(false)}>
              Creator dashboard
            </Link>
            <Link role="menuitem" tabIndex={-1} to={paths.goLive.to()} className={ITEM} onClick={() => setOpen(false)}>
              Go live
            </Link>
            <Link role="menuitem" tabIndex={-1} to={paths.settings.to()} className={ITEM} onClick={() => setOpen(false)}>
              Settings
            </Link>
          </div>
          <div className="border-t border-zinc-800 pt-1.5" role="none">
            <button role="menuitem" tabIndex={-1} type="button" className={ITEM} onClick={handleSignOut}>
              Sign out
            </button>
            {signOutError && (
              <p role="alert" className="px-3 py-1 text-xs text-red-400">
                {signOutError}
              </p>
            )}
          </div>
        </div>
      )}
    </nav>
  );
}
