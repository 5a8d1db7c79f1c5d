import { useEffect } from 'react';
import { useLocation } from 'react-router';

/** The page shown now and the one before it, within this tab's visit (a fresh load or a link from outside has none). */
let current: string | undefined;
let previous: string | undefined;

/** Keeps the page history above current; call once, in the root layout. */
export function useRememberPages(): void {
  const { pathname } = useLocation();
  useEffect(() => {
    if (pathname === current) return;
    previous = current;
    current = pathname;
  }, [pathname]);
}

/**
 * The in-app page a visitor came to `target` from, or undefined when they arrived from outside. Works both while
 * the navigation is under way (a loader: `current` is still the old page) and after it committed.
 */
export function pageBefore(target: string): string | undefined {
  return current === target ? previous : current;
}
