import { removePushSubscription } from './api/push-api';
import { currentPushSubscription } from './service-worker';

/**
 * Before signing out: this browser stops receiving the user's push (on a shared computer the
 * next person must not see them). Best effort, and quick: sign-out never waits on it for long.
 */
export async function forgetPushOnThisDevice(timeoutMs = 3000): Promise<void> {
  const forget = async () => {
    const subscription = await currentPushSubscription();
    if (!subscription) return;
    await removePushSubscription(subscription.endpoint).catch(() => undefined);
    await subscription.unsubscribe().catch(() => false);
  };
  await Promise.race([
    forget().catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, timeoutMs)),
  ]);
}
