import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import type { ServiceContext } from '../services/context';
import { ReputationCache } from '../services/intake/reputation-cache';
import type { Principal } from '../domain/identity/principal';
import { SYSTEM } from '../domain/policy/viewer';
import { AppError } from '../domain/errors';
import { CredentialCache, PRINCIPAL_EVENTS } from '../services/credential-cache';
import type { EventBus } from '../services/events/bus';
import { connectNatsBus } from './nats-bus';
import { EventHub } from '../services/events/stream';
import type { SessionInfo } from '../services/sessions';
import { Worker } from '../services/jobs/worker';
import { seedBuiltInRuleSets } from '../services/frontier/rule-sets';
import { seedBuiltInPracticeCatalogues } from '../services/frontier/practices';
import { uuidv7 } from '../services/ids';
import { scheduleOutboxPrune } from '../services/events/outbox-retention';
import { scheduleAccessReminders } from '../services/frontier/access-reminders';
import { PublishedIndex } from '../services/advisories/published-index';
import { ThreadChecker } from './intake-checker';
import { IntakeState } from '../services/intake/dedup-registry';
import { type Database, openDatabase } from '../store/database';
import { auditHeadSeq, checkpointAuditChain, ensureAuditKey } from '../services/audit';
import { createLogger } from './logger';
import { PreparedNoteReads } from '../store/notes';

/** The running parts of one AISC process, wired together (the composition root). */
export interface Runtime {
  readonly config: Config;
  readonly database: Database;
  readonly ctx: ServiceContext;
  readonly hub: EventHub;
  readonly worker: Worker | null;
  /**
   * Starts the process's running parts: the outbox tail, the index of published advisories
   * (built before this resolves) and the worker. With or without HTTP: a worker node answers
   * OSV queries from the same index an API node does.
   */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Opens and migrates the database and builds the service context; starts nothing yet. */
export async function openRuntime(config: Config, opts: { log?: Logger; now?: () => Date; create?: boolean } = {}): Promise<Runtime> {
  const createKey = opts.create !== false;
  if (createKey) ensureAuditKey(config);
  const log = opts.log ?? createLogger(config.logLevel);
  // `create: false` (CLI verbs other than serve and migrate): refuse a directory that holds no database.
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    ...(opts.create === undefined ? {} : { create: opts.create }),
  });
  try {
    await database.migrate();
  } catch (err) {
    await database.close();
    throw err;
  }
  let hub: EventHub | null = null;
  let worker: Worker | null = null;
  const credentials = { tokens: new CredentialCache<Principal>(), sessions: new CredentialCache<SessionInfo>() };
  const forgetPrincipals = (types: readonly string[]) => {
    if (types.some((t) => PRINCIPAL_EVENTS.test(t))) {
      credentials.tokens.clear();
      credentials.sessions.clear();
    }
  };
  let bus: EventBus | undefined;
  if (config.natsUrl && config.worker) {
    try {
      bus = await connectNatsBus(config.natsUrl);
    } catch (err) {
      await database.close();
      throw new AppError('UNAVAILABLE', `Cannot connect to NATS at ${config.natsUrl}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const now = opts.now ?? (() => new Date());
  const checker = config.intakeThread ? new ThreadChecker(log) : undefined;
  const reputation = new ReputationCache(() => Date.now());
  const ctx: ServiceContext = {
    db: database.db,
    bus,
    checker,
    intake: new IntakeState(),
    notes: new PreparedNoteReads(database.db),
    config,
    log,
    now,
    newId: () => uuidv7(),
    opaqueId: randomUUID,
    published: new PublishedIndex({ db: database.db, log }),
    credentials,
    reputation,
    nudge: (types) => {
      forgetPrincipals(types);
      reputation.forget(types);
      hub?.nudge();
      worker?.nudge();
    },
  };
  const events = new EventHub(ctx);
  hub = events;
  // Changes made on other nodes reach this one through the outbox tail.
  await hub.subscribe(SYSTEM, (e) => {
    forgetPrincipals([e.type]);
    reputation.forget([e.type]);
  });
  worker = config.worker ? new Worker(ctx) : null;
  // Signed audit checkpoints (ADR 0043): periodically while the worker runs, and at every stop.
  const checkpoint = () =>
    checkpointAuditChain(ctx, { createKey }).catch((err: unknown) =>
      log.error({ err: err instanceof Error ? err.message : String(err) }, 'audit checkpoint failed'),
    );
  const checkpoints = config.worker && config.auditKeyFile ? setInterval(() => void checkpoint(), config.auditCheckpointMs) : null;
  checkpoints?.unref();
  // A CLI verb (no worker) checkpoints at its end only if it wrote: reading verbs never write.
  const headAtOpen = config.auditKeyFile && !config.worker ? await auditHeadSeq(ctx) : 0;
  return {
    config,
    database,
    ctx,
    hub,
    worker,
    async start() {
      await events.start();
      await ctx.published.start(events);
      await seedBuiltInRuleSets(ctx);
      await seedBuiltInPracticeCatalogues(ctx);
      if (worker) {
        await scheduleOutboxPrune(ctx);
        await scheduleAccessReminders(ctx);
        worker.start();
      }
    },
    async close() {
      hub?.stop();
      ctx.published.stop();
      if (checkpoints) clearInterval(checkpoints);
      await worker?.stop();
      if (config.auditKeyFile && (config.worker || (await auditHeadSeq(ctx).catch(() => headAtOpen)) !== headAtOpen)) await checkpoint();
      await bus?.close();
      await checker?.close();
      await database.close();
    },
  };
}
