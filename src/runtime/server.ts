import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import { type App, buildApp } from '../http/app';
import { issueSetupToken } from '../services/setup';
import { openRuntime, type Runtime } from './runtime';

export interface RunningServer {
  readonly app: App;
  readonly runtime: Runtime;
  /** The URL the server listens on (with the real port when PORT=0). */
  readonly url: string;
  /** The one-time setup link when no administrator exists yet. */
  readonly setupUrl: string | null;
  /** Graceful stop: finish in-flight requests, hand pending work back, close the database. */
  close(): Promise<void>;
}

/**
 * Starts AISC: migrates, issues a setup secret on a fresh install, starts the event
 * stream and the worker, and listens.
 */
export async function startServer(config: Config, opts: { webRoot?: string; now?: () => Date; log?: Logger } = {}): Promise<RunningServer> {
  const runtime = await openRuntime(config, { ...(opts.now ? { now: opts.now } : {}), ...(opts.log ? { log: opts.log } : {}) });
  const { ctx, hub } = runtime;
  const app = await buildApp({
    ctx,
    hub,
    webRoot: opts.webRoot,
    ready: async () => {
      await ctx.db.execute(sql`select 1`);
      return true;
    },
  });
  await runtime.start();
  await app.listen({ port: config.port, host: config.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  const secret = await issueSetupToken(ctx);
  const publicUrl = config.publicUrl.replace(`:${config.port}`, `:${port}`);
  const setupUrl = secret ? `${publicUrl}/setup#token=${secret}` : null;
  let closing: Promise<void> | null = null;
  return {
    app,
    runtime,
    url,
    setupUrl,
    close: () =>
      (closing ??= (async () => {
        hub.stop();
        await app.close();
        await runtime.close();
      })()),
  };
}
