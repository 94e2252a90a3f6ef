import type { GuestConnection } from '@visitt/contracts';
import { apiRequest } from '../../../lib/api';

/** ICE servers (fresh TURN credentials) and the signaling path for this browser's guest link. */
export function connectGuest(): Promise<GuestConnection> {
  return apiRequest<GuestConnection>('/guest/video/connect', { method: 'POST' });
}
