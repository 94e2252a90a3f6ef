import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../../lib/api';
import {
  getPushSettings,
  getVapidPublicKey,
  removePushSubscription,
  savePushSubscription,
  vapidKeyQueryKey,
} from '../api/push-api';
import {
  base64UrlToBytes,
  currentPushEnvironment,
  detectPushSupport,
  isSameKey,
} from '../push-support';
import { activeRegistration, currentPushSubscription } from '../service-worker';

/**
 * Push on this device:
 * - `checking`: finding out;
 * - `unsupported`: the browser has no Web Push;
 * - `install-first`: iPhone/iPad in a browser tab (push only in the app on the home screen);
 * - `denied`: the browser blocks notifications from Visitt (only its site settings can change that);
 * - `unavailable`: allowed, but the browser's push service refused (no push service, offline);
 * - `off` / `on`: this browser is / is not registered for the signed-in user.
 */
export type PushStatus =
  'checking' | 'unsupported' | 'install-first' | 'denied' | 'unavailable' | 'off' | 'on';

export interface PushControl {
  status: PushStatus;
  /** Turning on or off is under way. */
  isBusy: boolean;
  /** The last turn on/off failed at the API (network, session): shown with the state. */
  error: unknown;
  /** The permission prompt was dismissed without an answer. */
  wasDismissed: boolean;
  enable: () => void;
  disable: () => void;
}

function staticStatus(): PushStatus | null {
  const support = detectPushSupport(currentPushEnvironment());
  if (support === 'install-first') return 'install-first';
  if (support === 'unsupported') return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  return null;
}

/** Whether the server has this browser's subscription for the signed-in user. */
async function readStatus(): Promise<PushStatus> {
  const fixed = staticStatus();
  if (fixed) return fixed;
  const subscription = await currentPushSubscription();
  if (!subscription || Notification.permission !== 'granted') return 'off';
  // The browser may hold the subscription of someone who used it before (a shared computer),
  // or one the server dropped: only the server's list says it is on for this user.
  const settings = await getPushSettings();
  return settings.devices.some((d) => d.endpoint === subscription.endpoint) ? 'on' : 'off';
}

/**
 * This device's push state and the two actions. Permission is asked only from `enable` (a
 * button press), never on page load.
 */
export function usePush(): PushControl {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<PushStatus>(() => staticStatus() ?? 'checking');
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [wasDismissed, setWasDismissed] = useState(false);
  const isMounted = useRef(true);

  // Fetched ahead, so the press leads to `subscribe` without a wait: Safari wants the
  // permission prompt and the subscription close to the user's gesture.
  const canAsk = status === 'off' || status === 'unavailable' || status === 'checking';
  useQuery({
    queryKey: vapidKeyQueryKey,
    queryFn: ({ signal }) => getVapidPublicKey(signal),
    staleTime: Infinity,
    enabled: canAsk,
  });

  useEffect(() => {
    isMounted.current = true;
    return () => {
      isMounted.current = false;
    };
  }, []);

  useEffect(() => {
    let isCurrent = true;
    const recheck = () => {
      readStatus().then(
        (next) => isCurrent && setStatus(next),
        () => isCurrent && setStatus('off'),
      );
    };
    recheck();
    // Allowing or blocking in the site settings takes effect without a reload.
    let permission: PermissionStatus | null = null;
    void navigator.permissions?.query({ name: 'notifications' }).then(
      (result) => {
        if (!isCurrent) return;
        permission = result;
        result.addEventListener('change', recheck);
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
      permission?.removeEventListener('change', recheck);
    };
  }, []);

  const enable = useCallback(() => {
    if (isBusy || typeof Notification === 'undefined') return;
    setIsBusy(true);
    setError(null);
    setWasDismissed(false);
    const run = async (): Promise<PushStatus> => {
      // First, still inside the press: some browsers refuse a prompt that comes later.
      const permission =
        Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
      if (permission === 'denied') return 'denied';
      if (permission !== 'granted') {
        setWasDismissed(true);
        return 'off';
      }
      const [registration, publicKey] = await Promise.all([
        activeRegistration(),
        queryClient.fetchQuery({
          queryKey: vapidKeyQueryKey,
          queryFn: ({ signal }) => getVapidPublicKey(signal),
          staleTime: Infinity,
        }),
      ]);
      let subscription = await registration.pushManager.getSubscription();
      if (subscription && !isSameKey(subscription.options.applicationServerKey, publicKey)) {
        // Made for another server key (a reinstalled server): it can never receive our push.
        await subscription.unsubscribe();
        subscription = null;
      }
      subscription ??= await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: base64UrlToBytes(publicKey),
      });
      const keys = subscription.toJSON().keys ?? {};
      await savePushSubscription({
        endpoint: subscription.endpoint,
        expirationTime: subscription.expirationTime,
        keys: { p256dh: keys.p256dh ?? '', auth: keys.auth ?? '' },
      });
      return 'on';
    };
    void run()
      .then(
        (next) => next,
        (failure: unknown): PushStatus => {
          if (isApiError(failure)) {
            setError(failure);
            return 'off';
          }
          if (typeof Notification !== 'undefined' && Notification.permission === 'denied')
            return 'denied';
          // The browser's push service said no (none configured, offline, blocked by policy).
          return 'unavailable';
        },
      )
      .then((next) => {
        if (!isMounted.current) return;
        setStatus(next);
        setIsBusy(false);
      });
  }, [isBusy, queryClient]);

  const disable = useCallback(() => {
    if (isBusy) return;
    setIsBusy(true);
    setError(null);
    const run = async () => {
      const subscription = await currentPushSubscription();
      if (!subscription) return;
      // The server first: if that fails, this device must not look off while it still gets push.
      await removePushSubscription(subscription.endpoint);
      await subscription.unsubscribe().catch(() => false);
    };
    run().then(
      () => {
        if (!isMounted.current) return;
        setStatus('off');
        setIsBusy(false);
      },
      (failure: unknown) => {
        if (!isMounted.current) return;
        setError(failure);
        setIsBusy(false);
      },
    );
  }, [isBusy]);

  return { status, isBusy, error, wasDismissed, enable, disable };
}
