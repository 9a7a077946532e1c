import { z } from 'zod';

/**
 * The environment, parsed once at start-up into one frozen, typed object. Nothing else
 * reads process.env. Every bad variable is reported at once.
 */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);

const bool = (def: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(def ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL (${protocols.join(' or ')})`,
  );

const schema = z.object({
  PORT: int(8080, 0, 65535),
  HOST: z.string().min(1).default('0.0.0.0'),
  AISC_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  NATS_URL: url(['nats:', 'tls:', 'ws:', 'wss:']).optional(),
  AISC_PUBLIC_URL: url(['http:', 'https:']).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  AISC_BODY_LIMIT_BYTES: int(1_048_576, 1024, 1_073_741_824),
  AISC_RATE_LIMIT_PER_MINUTE: int(600, 1, 1_000_000),
  AISC_LOGIN_ATTEMPTS_PER_MINUTE: int(10, 1, 10_000),
  AISC_SESSION_HOURS: int(12, 1, 24 * 30),
  AISC_INVITATION_HOURS: int(72, 1, 24 * 30),
  AISC_WEBHOOK_MAX_ATTEMPTS: int(8, 1, 50),
  AISC_WEBHOOK_TIMEOUT_MS: int(10_000, 100, 120_000),
  AISC_JOB_LEASE_SECONDS: int(60, 1, 86_400),
  AISC_WEBHOOK_ALLOW_PRIVATE: bool(false),
  AISC_WORKER: bool(true),
  AISC_INTAKE_THREAD: bool(true),
  AISC_SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  AISC_TRUST_PROXY: bool(false),
  AISC_AUDIT_KEY_FILE: z.string().min(1).optional(),
  AISC_AUDIT_ANCHOR_FILE: z.string().min(1).optional(),
  AISC_AUDIT_CHECKPOINT_SECONDS: int(60, 1, 86_400),
  AISC_OUTBOX_RETENTION_DAYS: int(30, 1, 3650),
  // OSV 1.7 §id: `<DB>-<ENTRYID>`, DB a prefix the schema lists, or `x_` and a name (ADR 0023).
  AISC_OSV_ID_PREFIX: z
    .string()
    .regex(/^(x_)?[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$/, 'must be a database prefix such as x_AISC or a prefix registered with OSV')
    .default('x_AISC'),
  // CVE Record Format 5.1 `cveMetadata.assignerOrgId`: the CNA's UUID from the CVE Program.
  AISC_CVE_ASSIGNER_ORG_ID: z.string().uuid('must be the UUID the CVE Program gave the CNA').optional(),
  AISC_CVE_ASSIGNER_SHORT_NAME: z.string().min(2).max(32).optional(),
  AISC_INSPECT_LOG_LIMIT_BYTES: int(64 * 1024 * 1024, 1024, 2 * 1024 * 1024 * 1024),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly natsUrl: string | undefined;
  /** The URL users reach the server at (links in setup and invitations). */
  readonly publicUrl: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly bodyLimitBytes: number;
  readonly rateLimitPerMinute: number;
  readonly loginAttemptsPerMinute: number;
  readonly sessionHours: number;
  readonly invitationHours: number;
  readonly webhookMaxAttempts: number;
  readonly webhookTimeoutMs: number;
  /** Whether webhooks may target loopback, private and link-local addresses (off: SSRF protection). */
  readonly webhookAllowPrivate: boolean;
  /** How long a claimed job stays with its worker before another may take it (a dead worker's jobs come back after this). */
  readonly jobLeaseMs: number;
  /** Whether this process runs the background worker (jobs, outbox dispatch). */
  readonly worker: boolean;
  /** Whether bulk intake checks items on a thread of its own while the previous chunk is stored. */
  readonly intakeThread: boolean;
  /** Whether cookies get the Secure attribute. */
  readonly secureCookies: boolean;
  readonly trustProxy: boolean;
  /** The Ed25519 key that signs audit checkpoints, kept outside the database (ADR 0043); null: no checkpoints. */
  readonly auditKeyFile: string | null;
  /** Where the newest signed checkpoint is written, outside the database; null: none. */
  readonly auditAnchorFile: string | null;
  /** How often a running server checkpoints the audit chain (when it grew). */
  readonly auditCheckpointMs: number;
  /** How long a delivered outbox event is kept before the prune job deletes it (ADR 0045). */
  readonly outboxRetentionMs: number;
  /** What replaces `AISC` in the ids of the OSV records this deployment serves (ADR 0023). */
  readonly osvIdPrefix: string;
  /** The CNA that CVE 5 output names (`assignerOrgId`, `assignerShortName`); null: no CVE 5 output (ADR 0023). */
  readonly cveAssigner: { readonly orgId: string; readonly shortName: string } | null;
  /** The largest Inspect evaluation log accepted for import, in bytes (its own body limit on the upload route; ADR 0102). */
  readonly inspectLogLimitBytes: number;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: { variable: string; message: string }[] };

/** Parses the environment; never throws. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const r = schema.safeParse(present);
  if (!r.success) {
    return {
      ok: false,
      problems: r.error.issues.map((i) => ({ variable: String(i.path[0] ?? ''), message: i.message })),
    };
  }
  const e = r.data;
  // A delivery must end before its lease does, or a slow receiver would get it twice.
  if (e.AISC_WEBHOOK_TIMEOUT_MS >= e.AISC_JOB_LEASE_SECONDS * 1000) {
    return { ok: false, problems: [{ variable: 'AISC_WEBHOOK_TIMEOUT_MS', message: 'must be shorter than AISC_JOB_LEASE_SECONDS' }] };
  }
  // A CVE record names its CNA by both (CVE Record Format 5.1 providerMetadata); one alone is a mistake.
  if ((e.AISC_CVE_ASSIGNER_ORG_ID === undefined) !== (e.AISC_CVE_ASSIGNER_SHORT_NAME === undefined)) {
    const missing = e.AISC_CVE_ASSIGNER_ORG_ID === undefined ? 'AISC_CVE_ASSIGNER_ORG_ID' : 'AISC_CVE_ASSIGNER_SHORT_NAME';
    return { ok: false, problems: [{ variable: missing, message: 'set AISC_CVE_ASSIGNER_ORG_ID and AISC_CVE_ASSIGNER_SHORT_NAME together' }] };
  }
  const publicUrl = (e.AISC_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  // Next to the embedded database, not in it: a copy or wipe of the data directory leaves them.
  const beside = e.AISC_DATA_DIR.startsWith('memory://') ? null : e.AISC_DATA_DIR.replace(/[\\/]+$/, '');
  return {
    ok: true,
    config: Object.freeze({
      port: e.PORT,
      host: e.HOST,
      dataDir: e.AISC_DATA_DIR,
      databaseUrl: e.DATABASE_URL,
      natsUrl: e.NATS_URL,
      publicUrl,
      logLevel: e.LOG_LEVEL,
      bodyLimitBytes: e.AISC_BODY_LIMIT_BYTES,
      rateLimitPerMinute: e.AISC_RATE_LIMIT_PER_MINUTE,
      loginAttemptsPerMinute: e.AISC_LOGIN_ATTEMPTS_PER_MINUTE,
      sessionHours: e.AISC_SESSION_HOURS,
      invitationHours: e.AISC_INVITATION_HOURS,
      webhookMaxAttempts: e.AISC_WEBHOOK_MAX_ATTEMPTS,
      webhookTimeoutMs: e.AISC_WEBHOOK_TIMEOUT_MS,
      webhookAllowPrivate: e.AISC_WEBHOOK_ALLOW_PRIVATE,
      jobLeaseMs: e.AISC_JOB_LEASE_SECONDS * 1000,
      worker: e.AISC_WORKER,
      intakeThread: e.AISC_INTAKE_THREAD,
      secureCookies: e.AISC_SECURE_COOKIES === 'auto' ? publicUrl.startsWith('https:') : e.AISC_SECURE_COOKIES === 'true',
      trustProxy: e.AISC_TRUST_PROXY,
      auditKeyFile: e.AISC_AUDIT_KEY_FILE ?? (beside === null ? null : `${beside}.audit-key`),
      auditAnchorFile: e.AISC_AUDIT_ANCHOR_FILE ?? (beside === null ? null : `${beside}.audit-anchor.json`),
      auditCheckpointMs: e.AISC_AUDIT_CHECKPOINT_SECONDS * 1000,
      outboxRetentionMs: e.AISC_OUTBOX_RETENTION_DAYS * 86_400_000,
      osvIdPrefix: e.AISC_OSV_ID_PREFIX,
      cveAssigner:
        e.AISC_CVE_ASSIGNER_ORG_ID && e.AISC_CVE_ASSIGNER_SHORT_NAME
          ? Object.freeze({ orgId: e.AISC_CVE_ASSIGNER_ORG_ID.toLowerCase(), shortName: e.AISC_CVE_ASSIGNER_SHORT_NAME })
          : null,
      inspectLogLimitBytes: e.AISC_INSPECT_LOG_LIMIT_BYTES,
    }),
  };
}

/** Every variable with its meaning, for the README and `aisc serve --help`. */
export const CONFIG_VARIABLES: ReadonlyArray<{ name: string; default: string; meaning: string }> = [
  { name: 'PORT', default: '8080', meaning: 'HTTP port (0 picks a free one)' },
  { name: 'HOST', default: '0.0.0.0', meaning: 'interface to listen on' },
  { name: 'AISC_DATA_DIR', default: './data', meaning: 'directory of the embedded PostgreSQL (PGlite) database' },
  { name: 'DATABASE_URL', default: '(unset)', meaning: 'a PostgreSQL server to use instead of the embedded database' },
  { name: 'NATS_URL', default: '(unset)', meaning: 'NATS JetStream: workers publish every event to the stream AISC_EVENTS' },
  { name: 'AISC_PUBLIC_URL', default: 'http://localhost:$PORT', meaning: 'the URL users reach AISC at, used in links' },
  { name: 'LOG_LEVEL', default: 'info', meaning: 'fatal, error, warn, info, debug, trace or silent' },
  { name: 'AISC_BODY_LIMIT_BYTES', default: '1048576', meaning: 'largest accepted request body' },
  { name: 'AISC_RATE_LIMIT_PER_MINUTE', default: '600', meaning: 'requests per minute per API token, or per IP without one' },
  { name: 'AISC_LOGIN_ATTEMPTS_PER_MINUTE', default: '10', meaning: 'login attempts per minute per IP' },
  { name: 'AISC_SESSION_HOURS', default: '12', meaning: 'web session lifetime' },
  { name: 'AISC_INVITATION_HOURS', default: '72', meaning: 'how long an invitation link works' },
  { name: 'AISC_WEBHOOK_MAX_ATTEMPTS', default: '8', meaning: 'delivery attempts before a webhook delivery is dead-lettered' },
  { name: 'AISC_WEBHOOK_TIMEOUT_MS', default: '10000', meaning: 'timeout of one webhook delivery attempt' },
  {
    name: 'AISC_WEBHOOK_ALLOW_PRIVATE',
    default: 'false',
    meaning: 'let webhooks reach loopback, private and link-local addresses (off protects internal services from SSRF)',
  },
  { name: 'AISC_JOB_LEASE_SECONDS', default: '60', meaning: "lease of a claimed job; a crashed worker's jobs are taken over after it" },
  { name: 'AISC_WORKER', default: 'true', meaning: 'run background work (event dispatch, deliveries) in this process' },
  { name: 'AISC_INTAKE_THREAD', default: 'true', meaning: 'check bulk findings on a second thread while the chunk before is stored (false: check inline)' },
  { name: 'AISC_SECURE_COOKIES', default: 'auto', meaning: 'Secure cookies: auto (when AISC_PUBLIC_URL is https), true or false' },
  { name: 'AISC_TRUST_PROXY', default: 'false', meaning: 'trust X-Forwarded-For from a reverse proxy (for per-IP limits)' },
  {
    name: 'AISC_AUDIT_KEY_FILE',
    default: '$AISC_DATA_DIR.audit-key',
    meaning: 'Ed25519 key that signs audit checkpoints (created on first start, mode 0600); keep it outside the database and back it up',
  },
  {
    name: 'AISC_AUDIT_ANCHOR_FILE',
    default: '$AISC_DATA_DIR.audit-anchor.json',
    meaning: 'where the newest signed audit checkpoint is written, outside the database; `aisc audit verify` checks the chain against it',
  },
  {
    name: 'AISC_AUDIT_CHECKPOINT_SECONDS',
    default: '60',
    meaning: 'how often the server signs a checkpoint of the audit chain when it grew (and at every stop)',
  },
  {
    name: 'AISC_OUTBOX_RETENTION_DAYS',
    default: '30',
    meaning:
      'how long a delivered event stays in the outbox (stream resumption, webhook history) before the hourly prune job deletes it; undelivered events are never pruned (ADR 0045)',
  },
  {
    name: 'AISC_OSV_ID_PREFIX',
    default: 'x_AISC',
    meaning: 'what replaces `AISC` in served OSV ids (`x_AISC-2026-00001`): OSV 1.7 accepts `x_…` or a prefix registered with OSV; see docs/osv-prefix.md',
  },
  {
    name: 'AISC_CVE_ASSIGNER_ORG_ID',
    default: '(unset)',
    meaning: "the CNA's UUID from the CVE Program, written as `assignerOrgId` in CVE 5 output; without it (and the short name) CVE 5 output is refused",
  },
  {
    name: 'AISC_CVE_ASSIGNER_SHORT_NAME',
    default: '(unset)',
    meaning: "the CNA's short name, written as `assignerShortName`; set with AISC_CVE_ASSIGNER_ORG_ID",
  },
  { name: 'AISC_INSPECT_LOG_LIMIT_BYTES', default: '67108864', meaning: 'largest Inspect evaluation log (.json or .eval) accepted for import (ADR 0102)' },
];
