import { printJson, println, type GlobalOptions } from '../io';
import { localOnly, withLocalRuntime } from '../local';
import type { CommandModule } from './index';

/** `aisc migrate`: creates the configured database if needed and brings it to the current schema (idempotent). */
export const migrateCommand: CommandModule = (program, io) => {
  program
    .command('migrate')
    .description('create the embedded database in AISC_DATA_DIR if needed, and apply migrations to it or to DATABASE_URL (local only)')
    .action(async (_o, cmd) => {
      const globals = cmd.optsWithGlobals() as GlobalOptions;
      localOnly(io, globals, 'migrate');
      const driver = await withLocalRuntime(io, async (rt) => rt.database.driver, { create: true });
      if (globals.json) printJson(io, { migrated: true, driver });
      else println(io, `database migrated (${driver === 'pglite' ? 'embedded PGlite' : 'PostgreSQL server'})`);
    });
};
