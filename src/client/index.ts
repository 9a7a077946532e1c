import createClient, { type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './openapi';

/**
 * The typed AISC API client that the web UI and the CLI share (issue 10 §2). Its types are
 * generated from docs/openapi.json (`npm run openapi`), so a route's schema is the one source of
 * truth for its request and response shapes; a change there that breaks a caller fails the type
 * check, not a user.
 */
export type AiscClient = ReturnType<typeof createClient<paths>>;

export function createAiscClient(options: ClientOptions = {}): AiscClient {
  return createClient<paths>(options);
}

export type { components, paths };
/** A named component schema of the API (`Schema<'Report'>`). */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
