import { useState } from 'react';

type Permission = NotificationPermission | 'unsupported';

const current = (): Permission =>
  typeof window !== 'undefined' && 'Notification' in window ? Notification.permission : 'unsupported';

/**
 * The browser's Notification API, asked for only from a button (never on load). `show` pops a system
 * notification only while the tab is hidden and the user allowed it; otherwise the bell is enough.
 */
export function useDesktopAlerts() {
  const [permission, setPermission] = useState<Permission>(current);

  async function request() {
    if (permission === 'unsupported') return;
    setPermission(await Notification.requestPermission());
  }

  function show(title: string, body: string, onClick: () => void) {
    if (current() !== 'granted' || !document.hidden) return;
    const alert = new Notification(title, { body, icon: '/favicon.svg' });
    alert.onclick = () => {
      window.focus();
      onClick();
      alert.close();
    };
  }

  return { permission, request, show };
}
