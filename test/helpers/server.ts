import { startServer, type RunningServer } from '../../src/runtime/server';
import { CLI_ACTOR } from '../../src/services/actor';
import { createOrganisation } from '../../src/services/organisations';
import { createUser } from '../../src/services/users';
import { testConfig } from './config';

export interface TestServer {
  readonly url: string;
  readonly admin: { readonly email: string; readonly password: string; readonly organisationId: string };
  readonly server: RunningServer;
  close(): Promise<void>;
}

/**
 * A real server on a random port over a fresh in-memory PGlite database, with a
 * coordinating organisation and one active platform administrator.
 */
export async function startTestServer(env: Record<string, string> = {}, opts: Parameters<typeof startServer>[1] = {}): Promise<TestServer> {
  const server = await startServer(testConfig(env), opts);
  const ctx = server.runtime.ctx;
  const org = await createOrganisation(ctx, CLI_ACTOR, { name: 'Clearinghouse', kind: 'government_agency', coordinator: true });
  const admin = { email: 'admin@aisc.test', password: 'correct horse battery staple', organisationId: org.id };
  await createUser(ctx, CLI_ACTOR, { email: admin.email, name: 'Ada Admin', organisationId: org.id, role: 'admin', password: admin.password });
  return { url: server.url, admin, server, close: () => server.close() };
}
