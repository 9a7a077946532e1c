import { parseConfig, type Config } from '../config/config';
import { AppError } from '../domain/errors';
import { openRuntime, type Runtime } from '../runtime/runtime';
import { createLogger } from '../runtime/logger';
import type { CliIo, GlobalOptions } from './io';

/** The configuration from the CLI's environment; every bad variable in one error. */
export function configFrom(io: CliIo): Config {
  const r = parseConfig(io.env);
  if (!r.ok) {
    throw new AppError(
      'VALIDATION',
      `Bad configuration: ${r.problems.map((p) => `${p.variable}: ${p.message}`).join('; ')}`,
      r.problems.map((p) => ({ path: `/env/${p.variable}`, message: p.message })),
    );
  }
  return r.config;
}

/**
 * Refuses --server/AISC_SERVER for a verb that works on the local database only: silently
 * ignoring it would run the verb on whatever database the current directory holds (issue 9
 * item 17).
 */
export function localOnly(io: CliIo, globals: GlobalOptions, verb: string): void {
  const server = globals.server ?? io.env.AISC_SERVER;
  if (!server) return;
  const from = globals.server ? '--server' : 'AISC_SERVER';
  throw new AppError(
    'VALIDATION',
    `\`aisc ${verb}\` works on the local database only and cannot run against ${server}: drop ${from}${from === 'AISC_SERVER' ? ' from the environment' : ''}, or run it on the server's machine`,
    [{ path: from === '--server' ? '/server' : '/env/AISC_SERVER', message: 'works on the local database only' }],
  );
}

/**
 * Runs `work` on the local database (AISC_DATA_DIR or DATABASE_URL), migrated, with no
 * worker and quiet logs, and always closes it (PGlite must be closed to stay consistent).
 * Only `create: true` (serve, migrate) makes a new embedded database; every other verb
 * refuses a directory that holds none, so a typo never leaves an empty database behind.
 */
export async function withLocalRuntime<T>(io: CliIo, work: (rt: Runtime) => Promise<T>, opts: { create?: boolean } = {}): Promise<T> {
  const config = { ...configFrom(io), worker: false };
  const rt = await openRuntime(config, { log: createLogger(io.env.LOG_LEVEL ?? 'warn', io.stderr), create: opts.create ?? false });
  try {
    return await work(rt);
  } finally {
    await rt.close();
  }
}
