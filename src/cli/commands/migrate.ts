import { printJson, println, type GlobalOptions } from '../io';
import { withLocalRuntime } from '../local';
import type { CommandModule } from './index';

/** `aisc migrate`: brings the configured database to the current schema (idempotent). */
export const migrateCommand: CommandModule = (program, io) => {
  program
    .command('migrate')
    .description('apply database migrations to AISC_DATA_DIR or DATABASE_URL')
    .action(async (_o, cmd) => {
      const json = (cmd.optsWithGlobals() as GlobalOptions).json;
      const driver = await withLocalRuntime(io, async (rt) => rt.database.driver);
      if (json) printJson(io, { migrated: true, driver });
      else println(io, `database migrated (${driver === 'pglite' ? 'embedded PGlite' : 'PostgreSQL server'})`);
    });
};
