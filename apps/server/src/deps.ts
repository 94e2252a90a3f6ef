import type { Config } from './config/config';
import type { Db } from './db/pool';
import type { Clock } from './lib/clock';
import type { Transports } from './notifications/transport';
import type { SignalBus } from './signaling/bus';

/** Everything the application needs from the outside, built once by main.ts (or a test). */
export interface AppDeps {
  readonly config: Config;
  readonly db: Db;
  readonly clock: Clock;
  /** Keys HMACs of sign-in codes and rate-limit keys. */
  readonly secret: string;
  readonly transports: Transports;
  /** Carries live messages (signaling, workspace alerts) between server instances. */
  readonly bus: SignalBus;
}
