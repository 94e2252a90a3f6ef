import type { Instant } from '@visitt/domain';

/** Where the server reads the time. Tests pass a clock they can move. */
export interface Clock {
  now(): Instant;
}

export const systemClock: Clock = { now: () => Date.now() as Instant };
