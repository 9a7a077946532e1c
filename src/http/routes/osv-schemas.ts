import { z } from 'zod';

/**
 * Response schemas of an OSV record (OSV schema 1.7, https://ossf.github.io/osv-schema/),
 * mirroring src/standards/osv/types.ts field for field. Lists are `readonly` because the
 * standard's types are; `database_specific` and `ecosystem_specific` are free-form objects by
 * the specification (OSV §database_specific).
 */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();
const FreeForm = z.record(z.string(), z.unknown());

const OsvSeverity = z.object({ type: z.enum(['CVSS_V2', 'CVSS_V3', 'CVSS_V4', 'Ubuntu']), score: z.string() }).meta({ id: 'OsvSeverity' });

/** OSV §affected[].ranges[].events: exactly one key per event. */
const OsvEvent = z
  .union([z.object({ introduced: z.string() }), z.object({ fixed: z.string() }), z.object({ last_affected: z.string() }), z.object({ limit: z.string() })])
  .meta({ id: 'OsvEvent' });

const OsvAffected = z
  .object({
    package: z.object({ ecosystem: z.string(), name: z.string(), purl: z.string().optional() }).optional(),
    severity: list(OsvSeverity).nullable().optional(),
    ranges: list(
      z.object({
        type: z.enum(['GIT', 'SEMVER', 'ECOSYSTEM']),
        repo: z.string().optional(),
        events: list(OsvEvent),
        database_specific: FreeForm.optional(),
      }),
    ).optional(),
    versions: list(z.string()).optional(),
    ecosystem_specific: FreeForm.optional(),
    database_specific: FreeForm.optional(),
  })
  .meta({ id: 'OsvAffected' });

const REFERENCE_TYPES = ['ADVISORY', 'ARTICLE', 'DETECTION', 'DISCUSSION', 'REPORT', 'FIX', 'INTRODUCED', 'GIT', 'PACKAGE', 'EVIDENCE', 'WEB'] as const;
const CREDIT_TYPES = [
  'FINDER',
  'REPORTER',
  'ANALYST',
  'COORDINATOR',
  'REMEDIATION_DEVELOPER',
  'REMEDIATION_REVIEWER',
  'REMEDIATION_VERIFIER',
  'TOOL',
  'SPONSOR',
  'OTHER',
] as const;

export const OsvRecord = z
  .object({
    schema_version: z.string().optional(),
    id: z.string(),
    modified: z.string(),
    published: z.string().optional(),
    withdrawn: z.string().optional(),
    aliases: list(z.string()).nullable().optional(),
    related: list(z.string()).optional(),
    upstream: list(z.string()).optional(),
    summary: z.string().optional(),
    details: z.string().optional(),
    severity: list(OsvSeverity).nullable().optional(),
    affected: list(OsvAffected).nullable().optional(),
    references: list(z.object({ type: z.enum(REFERENCE_TYPES), url: z.string() }))
      .nullable()
      .optional(),
    credits: list(z.object({ name: z.string(), contact: list(z.string()).optional(), type: z.enum(CREDIT_TYPES).optional() })).optional(),
    database_specific: FreeForm.optional(),
  })
  .meta({ id: 'OsvRecord', description: 'An OSV record (OSV schema 1.7)' });

/** `POST /v1/query`: full records, and a token while more pages remain (OSV.dev's shape). */
export const OsvQueryResult = z.object({ vulns: list(OsvRecord).optional(), next_page_token: z.string().optional() }).meta({ id: 'OsvQueryResult' });

/** `POST /v1/querybatch`: per query, in order, ids and modified times only. */
export const OsvBatchResult = z
  .object({
    results: z.array(
      z
        .object({ vulns: list(z.object({ id: z.string(), modified: z.string() })).optional(), next_page_token: z.string().optional() })
        .meta({ id: 'OsvBatchEntry' }),
    ),
  })
  .meta({ id: 'OsvBatchResult' });
