import { startServer } from '../../runtime/server';
import type { GlobalOptions } from '../io';
import { configFrom, localOnly } from '../local';
import type { CommandModule } from './index';

/**
 * `aisc serve`: runs the server until SIGINT/SIGTERM, then stops gracefully (in-flight
 * requests finish, running deliveries get a grace period, the rest go back to the queue).
 */
export const serveCommand: CommandModule = (program, io) => {
  program
    .command('serve')
    .description('run the AISC server (API and web UI) on the configured database')
    .action(async (_o, cmd) => {
      localOnly(io, cmd.optsWithGlobals() as GlobalOptions, 'serve');
      const config = configFrom(io);
      const server = await startServer(config);
      const log = server.runtime.ctx.log;
      log.info({ url: server.url, database: server.runtime.database.driver }, 'AISC is listening');
      io.stdout.write(
        `AISC is running at ${config.publicUrl.replace(`:${config.port}`, `:${new URL(server.url).port}`)} (database: ${server.runtime.database.driver === 'pglite' ? `embedded, ${config.dataDir}` : 'PostgreSQL server'})\n`,
      );
      if (server.setupUrl) {
        io.stdout.write(
          `\nFirst run: create the first administrator at this one-time link:\n\n  ${server.setupUrl}\n\n(the token after #token= works once; a restart before setup issues a new one)\n\n`,
        );
      }
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = (signal: string) => {
          if (stopping) return;
          stopping = true;
          log.info({ signal }, 'shutting down');
          server.close().then(resolve, (err) => {
            log.error({ err }, 'shutdown failed');
            resolve();
          });
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
      });
    });
};
