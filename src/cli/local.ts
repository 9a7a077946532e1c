import { parseConfig, type Config } from '../config/config';
import { AppError } from '../domain/errors';
import { openRuntime, type Runtime } from '../runtime/runtime';
import { createLogger } from '../runtime/logger';
import type { CliIo } from './io';

/** The configuration from the CLI's environment; every bad variable in one error. */
export function configFrom(io: CliIo): Config {
  const r = parseConfig(io.env);
  if (!r.ok) {
    throw new AppError('VALIDATION', `Bad configuration: ${r.problems.map((p) => `${p.variable}: ${p.message}`).join('; ')}`, r.problems.map((p) => ({ path: `/env/${p.variable}`, message: p.message })));
  }
  return r.config;
}

/**
 * Runs `work` on the local database (AISC_DATA_DIR or DATABASE_URL), migrated, with no
 * worker and quiet logs, and always closes it (PGlite must be closed to stay consistent).
 */
export async function withLocalRuntime<T>(io: CliIo, work: (rt: Runtime) => Promise<T>): Promise<T> {
  const config = { ...configFrom(io), worker: false };
  const rt = await openRuntime(config, { log: createLogger(io.env.LOG_LEVEL ?? 'warn', io.stderr) });
  try {
    return await work(rt);
  } finally {
    await rt.close();
  }
}
