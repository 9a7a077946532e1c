import { viewerOf } from '../../domain/identity/principal';
import type { Viewer } from '../../domain/policy/viewer';
import type { ServiceContext } from '../context';
import { resolveSession, resolveToken } from '../sessions';

/** The credential a stream was opened with: a session cookie's secret or an API token. */
export interface StreamCredential {
  readonly via: 'session' | 'token';
  readonly secret: string;
}

/** A stream's viewer, rebuilt from its credential (see `live`); `check` always asks again. */
export interface StreamViewer {
  /** The viewer now, or null when the credential no longer resolves. */
  live(): Viewer | null | Promise<Viewer | null>;
  /** Resolves the credential again, even if nothing changed (expiry is not an event). */
  check(): Promise<Viewer | null>;
}

/**
 * Follows a stream's credential (issue 9 item 5): the viewer is resolved again whenever
 * the credential cache has forgotten anything since the last resolution — a token revoked,
 * a user's clearance, role or status changed, an organisation's client relationship
 * changed. The cache forgets on the node that made the change at once, and on every other
 * node when its outbox tail reaches the change's event, before the next event is fanned
 * out (ADR 0006, ADR 0016). Between changes the answer is the one already resolved, so
 * the fan-out stays a comparison per event.
 */
export function streamViewer(ctx: ServiceContext, credential: StreamCredential): StreamViewer {
  const cache = credential.via === 'session' ? ctx.credentials.sessions : ctx.credentials.tokens;
  let resolvedAt = -1;
  let viewer: Viewer | null = null;
  const resolve = async (): Promise<Viewer | null> => {
    const generation = cache.generation;
    const principal = credential.via === 'session' ? (await resolveSession(ctx, credential.secret))?.principal : await resolveToken(ctx, credential.secret);
    viewer = principal ? viewerOf(principal) : null;
    resolvedAt = generation;
    return viewer;
  };
  return {
    live: () => (cache.generation === resolvedAt ? viewer : resolve()),
    check: resolve,
  };
}
