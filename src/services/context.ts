import type { Logger } from 'pino';
import type { Config } from '../config/config';
import type { Principal } from '../domain/identity/principal';
import type { Db } from '../store/database';
import type { PreparedNoteReads } from '../store/notes';
import type { PublishedIndex } from './advisories/published-index';
import type { CredentialCache } from './credential-cache';
import type { EventBus } from './events/bus';
import type { ItemChecker } from './intake/checker';
import type { IntakeState } from './intake/dedup-registry';
import type { ReputationCache } from './intake/reputation-cache';
import type { SessionInfo } from './sessions';

/**
 * What every use case runs with. Time and randomness come from here so tests control
 * them (STYLE.md habit 6); nothing in services reads the clock or the environment.
 */
export interface ServiceContext {
  readonly db: Db;
  readonly config: Config;
  readonly log: Logger;
  readonly now: () => Date;
  /**
   * A new record id: a UUIDv7 (RFC 9562 §5.7). Stamped with the wall clock, not `now()`: ids
   * must keep their creation order, and a test clock standing still would give them all one
   * millisecond and a random order.
   */
  readonly newId: () => string;
  /** A random UUIDv4 that carries no time, for ids that must date nothing (a draft advisory's, ADR 0021). */
  readonly opaqueId: () => string;
  /** Called after a commit that wrote events (their types): wakes the dispatcher and streams, drops stale caches. */
  readonly nudge: (eventTypes: readonly string[]) => void;
  /** The message bus dispatched events also go to (NATS JetStream when configured), if any. */
  readonly bus?: EventBus | undefined;
  /** Where bulk intake checks items (the intake thread, when the runtime started one); inline without. */
  readonly checker?: ItemChecker | undefined;
  /** The process's kept-current index of published advisories (OSV matching, CSAF lists); the runtime starts it. */
  readonly published: PublishedIndex;
  /** This process's intake state for `db`: the dedup index and the gate (made once by the runtime). */
  readonly intake: IntakeState;
  /** The notes' prepared reads on `db` (ADR 0050), made once by the runtime with the database. */
  readonly notes: PreparedNoteReads;
  /** Resolved credentials by secret hash (see credential-cache.ts). */
  readonly credentials: {
    readonly tokens: CredentialCache<Principal>;
    readonly sessions: CredentialCache<SessionInfo>;
  };
  /** The triage queue's finder precision figures, kept between requests (ADR 0051); read fresh without. */
  readonly reputation?: ReputationCache | undefined;
}
