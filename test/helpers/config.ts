import { parseConfig, type Config } from '../../src/config/config';

/** A configuration for tests: in-memory PGlite unless told otherwise, quiet logs, any free port. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  const r = parseConfig({ AISC_DATA_DIR: 'memory://', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', AISC_WEBHOOK_ALLOW_PRIVATE: 'true', ...overrides });
  if (!r.ok) throw new Error(`bad test config: ${JSON.stringify(r.problems)}`);
  return r.config;
}
