import { parseConfig } from '../config/config';
import { buildApp } from '../http/app';
import { openRuntime } from './runtime';
import { createLogger } from './logger';

/**
 * The OpenAPI 3.1 document, generated from the routes' zod schemas. It is committed as
 * docs/openapi.json (`npm run openapi`); a test fails when the committed copy is stale.
 */
export async function openApiDocument(): Promise<unknown> {
  const r = parseConfig({ AISC_DATA_DIR: 'memory://', LOG_LEVEL: 'silent', AISC_WORKER: 'false' });
  if (!r.ok) throw new Error('config');
  const rt = await openRuntime(r.config, { log: createLogger('silent') });
  try {
    const app = await buildApp({ ctx: rt.ctx, hub: rt.hub, ready: async () => true, webRoot: '/nonexistent' });
    await app.ready();
    const doc = app.swagger();
    await app.close();
    return doc;
  } finally {
    await rt.close();
  }
}

/** The committed form: stable, two-space JSON with a final newline. */
export const openApiText = (doc: unknown): string => `${JSON.stringify(doc, null, 2)}\n`;
