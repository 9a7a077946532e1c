import { CLI_ACTOR } from '../../src/services/actor';
import { createOrganisation } from '../../src/services/organisations';
import { createToken } from '../../src/services/tokens';
import { createUser } from '../../src/services/users';
import type { Role } from '../../src/domain/identity/roles';
import type { ResponseJson } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';

let n = 0;

/** The people an intake test needs: two reporting organisations, a coordinator analyst and the platform admin, each with a token. */
export interface IntakeWorld {
  readonly server: TestServer;
  readonly url: string;
  readonly admin: string;
  readonly analyst: string;
  readonly analystUserId: string;
  readonly reporterA: string;
  readonly reporterAUserId: string;
  readonly orgA: string;
  readonly reporterB: string;
  readonly orgB: string;
  call(
    token: string,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; json: ResponseJson; text: string }>;
  close(): Promise<void>;
}

export async function personIn(
  server: TestServer,
  organisationId: string,
  role: Role,
  scopes: ('read' | 'write' | 'admin')[],
): Promise<{ token: string; userId: string }> {
  const ctx = server.server.runtime.ctx;
  const { user } = await createUser(ctx, CLI_ACTOR, {
    email: `p${++n}-${Date.now()}@intake.test`,
    name: 'Person',
    organisationId,
    role,
    password: 'a long enough test password',
  });
  const { secret } = await createToken(ctx, CLI_ACTOR, user.id, { name: 't', scopes });
  return { token: secret, userId: user.id };
}

export async function intakeWorld(env: Record<string, string> = {}, opts: Parameters<typeof startTestServer>[1] = {}): Promise<IntakeWorld> {
  const server = await startTestServer({ AISC_RATE_LIMIT_PER_MINUTE: '100000', ...env }, opts);
  const ctx = server.server.runtime.ctx;
  const admin = await personIn(server, server.admin.organisationId, 'admin', ['read', 'write', 'admin']);
  const analyst = await personIn(server, server.admin.organisationId, 'analyst', ['read', 'write']);
  const a = await createOrganisation(ctx, CLI_ACTOR, { name: `Lab A ${++n}`, kind: 'ai_developer' });
  const b = await createOrganisation(ctx, CLI_ACTOR, { name: `Lab B ${++n}`, kind: 'ai_developer' });
  const ra = await personIn(server, a.id, 'member', ['read', 'write']);
  const rb = await personIn(server, b.id, 'member', ['read', 'write']);
  const call = async (token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(server.url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: ResponseJson = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: res.status, headers: res.headers, json, text };
  };
  return {
    server,
    url: server.url,
    admin: admin.token,
    analyst: analyst.token,
    analystUserId: analyst.userId,
    reporterA: ra.token,
    reporterAUserId: ra.userId,
    orgA: a.id,
    reporterB: rb.token,
    orgB: b.id,
    call,
    close: () => server.close(),
  };
}

let seq = 0;

const COMPONENTS = [
  'png decoder',
  'tar extractor',
  'http router',
  'session store',
  'template engine',
  'font parser',
  'zip reader',
  'json schema loader',
  'image scaler',
  'audio demuxer',
  'xml importer',
  'cookie jar',
  'upload handler',
  'pdf text layer',
  'regex compiler',
];
const FLAWS = [
  'trusts a length field from the input',
  'never checks the index against the table size',
  'uses a signed count as an unsigned size',
  'frees the buffer before the last read',
  'concatenates user input into a shell command',
  'follows symbolic links outside the target directory',
  'accepts an unbounded recursion depth',
  'skips the bounds check on the fast path',
];
const EFFECTS = [
  'overwrites adjacent heap memory',
  'reads past the end of the stack buffer',
  'executes attacker-chosen commands',
  'writes files anywhere the service may',
  'exhausts the stack and crashes the worker',
  'leaks memory of earlier requests',
];

/** A realistic AI finding; `over` replaces fields. Each call is a different bug unless told otherwise. */
export function aiFinding(over: Record<string, unknown> = {}): Record<string, unknown> {
  const i = ++seq;
  const component = COMPONENTS[i % COMPONENTS.length]!;
  const flaw = FLAWS[(i * 7) % FLAWS.length]!;
  const effect = EFFECTS[(i * 5) % EFFECTS.length]!;
  const fn = `${component.split(' ')[0]}_step_${i}`;
  return {
    title: `${component} ${flaw} in ${fn}`,
    description: `${fn} in the ${component} ${flaw} (case ${i}-${(i * 2654435761) % 9973}); a crafted input reaching ${fn} ${effect}. Reached through ${fn}_entry variant ${i}.`,
    provenance: {
      finderKind: 'ai',
      model: { name: 'frontier-x', version: '2026-05' },
      autonomy: 'fully-autonomous',
      harness: { name: 'fuzz-agent', version: '1.4.0' },
      runId: `run-${i}`,
      configurationHash: 'sha256:abc',
    },
    target: {
      purl: 'pkg:npm/image-lib@2.3.1',
      repository: 'https://github.com/example/image-lib',
      commit: 'a1b2c3d4e5f6',
      affectedVersions: ['2.3.0', '2.3.1'],
    },
    location: { file: `src/${component.replace(/ /g, '_')}/${fn}.c`, line: 100 + i, function: fn },
    weakness: { cwe: 'CWE-787' },
    severity: { cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H' },
    ...over,
  };
}
