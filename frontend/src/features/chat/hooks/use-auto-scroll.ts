import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** How close to the bottom still counts as "reading the latest". */
const NEAR_BOTTOM_PX = 40;

/**
 * Keeps a list pinned to its newest item while the reader is at the bottom; when they scroll up to read,
 * new items no longer move the view and `hasNew` says there is something below.
 */
export function useAutoScroll(listRef: RefObject<HTMLElement | null>, lastItemKey: string | undefined) {
  const atBottom = useRef(true);
  const [hasNew, setHasNew] = useState(false);

  // Scroll position is DOM state: adjust it after React has added the new rows, before the browser paints.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list || lastItemKey === undefined) return;
    if (atBottom.current) list.scrollTop = list.scrollHeight;
    else setHasNew(true);
  }, [listRef, lastItemKey]);

  // The list shrinks when a pinned message or a notice appears: whoever was at the bottom stays there.
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) list.scrollTop = list.scrollHeight;
    });
    observer.observe(list);
    return () => observer.disconnect();
  }, [listRef]);

  function onScroll() {
    const list = listRef.current;
    if (!list) return;
    atBottom.current = list.scrollHeight - list.scrollTop - list.clientHeight <= NEAR_BOTTOM_PX;
    if (atBottom.current) setHasNew(false);
  }

  function scrollToBottom() {
    const list = listRef.current;
    if (!list) return;
    list.scrollTo({ top: list.scrollHeight, behavior: 'smooth' });
    atBottom.current = true;
    setHasNew(false);
  }

  return { hasNew, onScroll, scrollToBottom };
}
