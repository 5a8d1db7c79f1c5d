import { useEffect, useRef, useState } from 'react';
import type { ChatMessage } from '../api/chat-types.ts';

/** A screen reader hears about new chat at most this often, however busy the chat is. */
export const ANNOUNCE_EVERY_MS = 4000;

/** What to say about the messages that arrived since the last announcement. */
export function announcementOf(arrived: ChatMessage[]): string {
  const latest = arrived.at(-1);
  if (!latest) return '';
  const line = `${latest.senderName}: ${latest.body}`;
  return arrived.length === 1 ? line : `${arrived.length} new messages. Latest, ${line}`;
}

/**
 * New chat messages for a polite live region, rate-limited: the first arrival is read at once, anything later
 * is summed up at most every ANNOUNCE_EVERY_MS (a busy chat would otherwise drown out everything else). Messages
 * already there when the panel opened (the history) are not announced.
 */
export function useChatAnnouncer(messages: ChatMessage[]): string {
  const [announcement, setAnnouncement] = useState('');
  const announcedUpTo = useRef<string | undefined>(messages.at(-1)?.id);
  const lastAnnouncedAt = useRef(0);
  const latestId = messages.at(-1)?.id;

  // Timing the announcements is a timer's job: an effect that schedules the next one.
  useEffect(() => {
    if (!latestId || latestId === announcedUpTo.current) return;
    const wait = Math.max(0, lastAnnouncedAt.current + ANNOUNCE_EVERY_MS - Date.now());
    const timer = setTimeout(() => {
      const from = messages.findIndex((message) => message.id === announcedUpTo.current);
      const arrived = messages.slice(from + 1);
      announcedUpTo.current = latestId;
      lastAnnouncedAt.current = Date.now();
      setAnnouncement(announcementOf(arrived));
    }, wait);
    return () => clearTimeout(timer);
  }, [latestId, messages]);

  return announcement;
}
