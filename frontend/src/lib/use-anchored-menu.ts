import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';

/** Where the menu goes: under the button, or above it when there is no room below. Fixed, so a scroll box does not clip it. */
function placeMenu(button: HTMLElement): CSSProperties {
  const rect = button.getBoundingClientRect();
  const right = Math.max(8, window.innerWidth - rect.right);
  const spaceBelow = window.innerHeight - rect.bottom;
  return spaceBelow > 300 || spaceBelow > rect.top
    ? { top: rect.bottom + 4, right }
    : { bottom: window.innerHeight - rect.top + 4, right };
}

/**
 * A menu opened by a button (the WAI-ARIA menu button pattern): placed beside the button and following it while
 * the page scrolls, closed by an outside click, Escape or Tab; arrow keys move between its `role="menuitem"`s.
 */
export function useAnchoredMenu() {
  const [placement, setPlacement] = useState<CSSProperties | null>(null);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const open = placement !== null;

  // While open: an outside click closes the menu; scrolling and resizing move it along with its button.
  useEffect(() => {
    if (!open) return;
    const closeOnOutside = (event: Event) => {
      if (event.target instanceof Node && (menuRef.current?.contains(event.target) || buttonRef.current?.contains(event.target)))
        return;
      setPlacement(null);
    };
    const follow = () => {
      if (buttonRef.current?.isConnected) setPlacement(placeMenu(buttonRef.current));
      else setPlacement(null);
    };
    document.addEventListener('pointerdown', closeOnOutside);
    window.addEventListener('scroll', follow, true);
    window.addEventListener('resize', follow);
    return () => {
      document.removeEventListener('pointerdown', closeOnOutside);
      window.removeEventListener('scroll', follow, true);
      window.removeEventListener('resize', follow);
    };
  }, [open]);

  function items(): HTMLElement[] {
    return Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  }

  /** Focuses the first item once the items of this render exist. */
  function focusFirst() {
    requestAnimationFrame(() => items()[0]?.focus());
  }

  /** Opens (focusing the first item) or closes; answers whether it opened. */
  function toggle(): boolean {
    if (open || !buttonRef.current) {
      setPlacement(null);
      return false;
    }
    setPlacement(placeMenu(buttonRef.current));
    focusFirst();
    return true;
  }

  /** Closes and gives focus back to the button. */
  function close() {
    setPlacement(null);
    buttonRef.current?.focus();
  }

  function handleKeyDown(event: KeyboardEvent) {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') close();
    else if (event.key === 'ArrowDown') all[(index + 1) % all.length]?.focus();
    else if (event.key === 'ArrowUp') all[(index - 1 + all.length) % all.length]?.focus();
    else if (event.key === 'Tab') setPlacement(null);
    else return;
    if (event.key !== 'Tab') event.preventDefault();
  }

  return {
    open,
    placement,
    menuId,
    buttonRef,
    menuRef,
    toggle,
    close,
    dismiss: () => setPlacement(null),
    focusFirst,
    handleKeyDown,
  };
}
