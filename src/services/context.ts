import type { Logger } from 'pino';
import type { Config } from '../config/config';
import type { Db } from '../store/database';

/**
 * What every use case runs with. Time and randomness come from here so tests control
 * them (STYLE.md habit 6); nothing in services reads the clock or the environment.
 */
export interface ServiceContext {
  readonly db: Db;
  readonly config: Config;
  readonly log: Logger;
  readonly now: () => Date;
  /** Wakes the local dispatcher and event streams after a commit that wrote events. */
  readonly nudge: () => void;
}
