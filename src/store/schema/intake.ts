import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AutonomyLevel, FinderKind, ReproductionStatus, Severity } from '../../domain/intake/finding';
import type { ReportState } from '../../domain/intake/report-states';
import type { SsvcDecision, SsvcRecord } from '../../domain/intake/ssvc';
import type { PublicCreditChoice } from '../../domain/policy/credits';
import { markingColumns } from './marking-columns';
import { fewerFindings, notExploited, severityRank } from './report-queue-keys';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * Reports: the deduplicated unit (DESIGN.md "Vulnerabilities"). The first finding's facts
 * are copied here for the triage queue; every finding points to its report. Visible to the
 * organisations that reported it and to the coordinators (AMBER+STRICT with an access list).
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey(),
    state: text('state').$type<ReportState>().notNull(),
    title: text('title').notNull(),
    targetKey: text('target_key').notNull(),
    purl: text('purl'),
    cpe: text('cpe'),
    repository: text('repository'),
    cwe: text('cwe'),
    severity: text('severity').$type<Severity>().notNull(),
    cvssVector: text('cvss_vector'),
    cvssScore: real('cvss_score'),
    exploited: boolean('exploited').notNull().default(false),
    knownExploited: boolean('known_exploited').notNull().default(false),
    finderKind: text('finder_kind').$type<FinderKind>().notNull(),
    modelName: text('model_name'),
    reporterOrganisations: uuid('reporter_organisations').array().notNull().default(sql`'{}'::uuid[]`),
    findingCount: integer('finding_count').notNull().default(1),
    reproductionStatus: text('reproduction_status').$type<ReproductionStatus>().notNull().default('not-tried'),
    reproducedBy: uuid('reproduced_by'),
    reproducedAt: ts('reproduced_at'),
    ssvc: jsonb('ssvc').$type<SsvcRecord>(),
    ssvcDecision: text('ssvc_decision').$type<SsvcDecision>(),
    reason: text('reason'),
    duplicateOf: uuid('duplicate_of'),
    needsInfoSince: ts('needs_info_since'),
    decidedAt: ts('decided_at'),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  // The triage queue (ADR 0051): one index per sort order, over the same key expressions the
  // keyset query compares (schema/report-queue-keys.ts), so a page — and a capped count —
  // reads one index range instead of sorting the table; `(created_at, id)` serves both
  // "age" and, read backwards, "newest". `cwe` and `severity` get their own,
  // so a sparse filter reads a bitmap of matches instead of the table.
  (t) => [
    index('reports_state_idx').on(t.state, t.createdAt),
    index('reports_queue_age_idx').on(t.createdAt, t.id),
    index('reports_queue_severity_idx').on(severityRank(t.severity), notExploited(t.exploited), t.createdAt, t.id),
    index('reports_queue_exploited_idx').on(notExploited(t.exploited), severityRank(t.severity), t.createdAt, t.id),
    index('reports_queue_findings_idx').on(fewerFindings(t.findingCount), t.createdAt, t.id),
    index('reports_cwe_idx').on(t.cwe),
    index('reports_severity_idx').on(t.severity),
  ],
);

/** Findings: one raw result each, immutable once stored, with provenance (issue 4). */
export const findings = pgTable(
  'findings',
  {
    id: uuid('id').primaryKey(),
    reportId: uuid('report_id').notNull(),
    idempotencyKey: text('idempotency_key'),
    contentDigest: text('content_digest').notNull(),
    disposition: text('disposition').$type<'accepted' | 'duplicate'>().notNull(),
    duplicateKind: text('duplicate_kind').$type<'exact' | 'near'>(),
    similarity: real('similarity'),
    source: text('source').notNull(),
    finderKind: text('finder_kind').$type<FinderKind>().notNull(),
    modelName: text('model_name'),
    modelVersion: text('model_version'),
    autonomy: text('autonomy').$type<AutonomyLevel>(),
    harnessName: text('harness_name'),
    harnessVersion: text('harness_version'),
    runId: text('run_id'),
    configurationHash: text('configuration_hash'),
    purl: text('purl'),
    cpe: text('cpe'),
    targetKey: text('target_key').notNull(),
    repository: text('repository'),
    commit: text('commit'),
    affectedVersions: text('affected_versions').array().notNull().default(sql`'{}'::text[]`),
    file: text('file'),
    line: integer('line'),
    function: text('function'),
    endpoint: text('endpoint'),
    cwe: text('cwe'),
    title: text('title').notNull(),
    description: text('description').notNull(),
    stackTrace: text('stack_trace'),
    cvssVector: text('cvss_vector'),
    cvssScore: real('cvss_score'),
    severity: text('severity').$type<Severity>().notNull(),
    exploited: boolean('exploited').notNull().default(false),
    /** The finder's "credit me publicly as …" choice (domain/policy/credits.ts); null: no consent. */
    publicCredit: jsonb('public_credit').$type<PublicCreditChoice>(),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('findings_report_idx').on(t.reportId),
    // The queue's model filter and the models' precision figures (ADR 0051).
    index('findings_model_idx').on(t.modelName),
    index('findings_owner_idx').on(t.ownerOrganisationId, t.createdAt),
    uniqueIndex('findings_idempotency_key').on(t.ownerOrganisationId, t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
  ],
);

/**
 * The dedup index's log (ADR 0010, 0012): one row per finding that taught the index
 * something — its exact fingerprints the index did not know yet (`"<algorithm> <value>"`),
 * and, for a finding that opened a report, its MinHash signature with the target, weakness
 * and place it is compared under. Rows are never updated: re-pointing (merge, split) writes
 * a newer row, so every node catches up by `seq`.
 */
export const findingDedupKeys = pgTable(
  'finding_dedup_keys',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    findingId: uuid('finding_id').notNull(),
    reportId: uuid('report_id').notNull(),
    fingerprints: text('fingerprints').array().notNull().default(sql`'{}'::text[]`),
    targetKey: text('target_key').notNull(),
    /** The signature's algorithm, or null when the row carries fingerprints only. */
    algorithm: text('algorithm'),
    cwe: text('cwe'),
    /** Normalised file and line: near duplicates in far-apart places need more textual similarity. */
    file: text('file'),
    line: integer('line'),
    signature: bytea('signature'),
  },
  (t) => [index('finding_dedup_keys_finding_idx').on(t.findingId)],
);

/** Content-addressed files (proofs of concept): one row per SHA-256, however many findings attach it. */
export const blobs = pgTable('blobs', {
  digest: text('digest').primaryKey(),
  size: integer('size').notNull(),
  content: bytea('content').notNull(),
  createdAt: ts('created_at').notNull(),
});

/** A proof of concept attached to a finding: TLP:RED by default (the reporter and named coordinators). */
export const findingAttachments = pgTable(
  'finding_attachments',
  {
    id: uuid('id').primaryKey(),
    findingId: uuid('finding_id').notNull(),
    reportId: uuid('report_id').notNull(),
    digest: text('digest').notNull(),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    ...markingColumns(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('finding_attachments_finding_idx').on(t.findingId), index('finding_attachments_report_idx').on(t.reportId)],
);

/** Per-organisation admission limits set by platform admins; organisations without a row get the defaults. */
export const intakeQuotas = pgTable('intake_quotas', {
  organisationId: uuid('organisation_id').primaryKey(),
  findingsPerMinute: integer('findings_per_minute').notNull(),
  priorityFindingsPerMinute: integer('priority_findings_per_minute').notNull(),
  findingsPerDay: integer('findings_per_day').notNull(),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by'),
});

/** Platform-wide intake settings (one row, id 1): default limits and the needs-info timeout. */
export const intakeSettings = pgTable('intake_settings', {
  id: integer('id').primaryKey(),
  findingsPerMinute: integer('findings_per_minute').notNull(),
  priorityFindingsPerMinute: integer('priority_findings_per_minute').notNull(),
  findingsPerDay: integer('findings_per_day').notNull(),
  needsInfoCloseDays: integer('needs_info_close_days').notNull(),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by'),
});

/** Token buckets per organisation and lane, shared by every node through the database. */
export const intakeBuckets = pgTable(
  'intake_buckets',
  {
    organisationId: uuid('organisation_id').notNull(),
    lane: text('lane').notNull(),
    tokens: real('tokens').notNull(),
    refilledAt: ts('refilled_at').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    dayCount: integer('day_count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.lane] })],
);
