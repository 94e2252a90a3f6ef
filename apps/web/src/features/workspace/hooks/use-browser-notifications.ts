import { useCallback, useState } from 'react';

export type NotificationState = NotificationPermission | 'unsupported';

const current = (): NotificationState =>
  typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

/**
 * The browser's notification permission and a way to ask for it — only from a button press,
 * never on page load (browsers punish sites that ask unprompted).
 */
export function useBrowserNotifications(): {
  permission: NotificationState;
  request: () => void;
} {
  const [permission, setPermission] = useState<NotificationState>(current);
  const request = useCallback(() => {
    if (typeof Notification === 'undefined') return;
    void Notification.requestPermission().then(setPermission, () => setPermission(current()));
  }, []);
  return { permission, request };
}

/** Shows a notification when allowed; clicking it brings the workspace to the front. */
export function notify(title: string, body: string, tag: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    const notification = new Notification(title, { body, tag });
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
  } catch {
    // Some mobile browsers only allow notifications from a service worker.
  }
}
