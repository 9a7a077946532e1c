import { z } from 'zod';
import { CREDIT_ROLES, REFERENCE_TYPES, REMEDIATION_CATEGORIES } from '../../domain/advisory/content';
import { ADVISORY_STATES } from '../../domain/advisory/state';
import { SSVC_EXPLOITATION_ACCEPTED, ssvcExploitationOf } from '../../domain/intake/ssvc';
import { MarkingInput, MarkingView, nameSchemas } from '../schemas';
import { OsvRecord } from './osv-schemas';

/** Request and response schemas of the advisory routes (OpenAPI is generated from them). */
const Text = (max: number) => z.string().max(max);

const RangeEvent = z
  .strictObject({ introduced: Text(200).optional(), fixed: Text(200).optional(), last_affected: Text(200).optional(), limit: Text(200).optional() })
  .refine((e) => Object.keys(e).length === 1, { message: 'an event has exactly one of introduced, fixed, last_affected, limit' });

const Affected = z.strictObject({
  ecosystem: Text(100).optional(),
  name: Text(300).optional(),
  purl: Text(1000).optional(),
  cpe: Text(1000).optional(),
  ranges: z
    .array(z.strictObject({ type: z.enum(['SEMVER', 'ECOSYSTEM', 'GIT']), repo: Text(1000).optional(), events: z.array(RangeEvent).min(1).max(200) }))
    .max(50)
    .optional(),
  versions: z.array(Text(200)).max(5000).optional(),
});

export const AdvisoryContentInput = z.strictObject({
  title: z.string().trim().min(1).max(300),
  summary: Text(5000).default(''),
  description: Text(100_000).default(''),
  cveId: Text(40).nullable().optional(),
  aliases: z.array(Text(100)).max(100).default([]),
  affected: z.array(Affected).min(1).max(1000),
  cvss: z.strictObject({ v3_1: Text(300).nullable().optional(), v4_0: Text(300).nullable().optional() }).default({}),
  cweIds: z.array(Text(20)).max(50).default([]),
  ssvc: z
    .strictObject({
      exploitation: z
        .enum(SSVC_EXPLOITATION_ACCEPTED)
        .meta({ description: '`public-poc` is a deprecated alias of `poc` (ADR 0075)' })
        .transform(ssvcExploitationOf),
      automatable: z.enum(['yes', 'no']),
      technicalImpact: z.enum(['partial', 'total']),
      missionWellbeing: z.enum(['low', 'medium', 'high']),
      decision: z.enum(['track', 'track*', 'attend', 'act']),
    })
    .nullable()
    .optional(),
  remediations: z
    .array(z.strictObject({ category: z.enum(REMEDIATION_CATEGORIES), details: Text(10_000), url: z.url().optional() }))
    .max(100)
    .default([]),
  references: z
    .array(z.strictObject({ type: z.enum(REFERENCE_TYPES), url: z.url().max(2000) }))
    .max(500)
    .default([]),
  credits: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(300),
        kind: z.enum(['human', 'ai', 'organisation']),
        role: z.enum(CREDIT_ROLES).default('FINDER'),
        model: z.strictObject({ name: z.string().trim().min(1).max(200), version: Text(100).optional() }).optional(),
        contact: z.array(Text(300)).max(10).optional(),
      }),
    )
    .max(200)
    .default([]),
});

export const DraftBody = z.strictObject({ content: AdvisoryContentInput, marking: MarkingInput.optional(), caseId: Text(100).nullable().optional() });
export const DraftPatch = z.strictObject({ content: AdvisoryContentInput.optional(), marking: MarkingInput.optional() });

/** "Publish now": under its case's agreed embargo, the agreed date repeated and why (issue 9 item 18). */
export const PublishBody = z.strictObject({
  confirmEmbargoEnd: z.iso.datetime({ offset: true }).nullable().optional(),
  reason: z.string().max(2000).nullable().optional(),
});

export const AdvisoryIdParams = z.strictObject({ id: z.string().min(3).max(200) });

export const Advisory = z.object({
  id: z.string(),
  source: z.enum(['aisc', 'import']),
  state: z.enum(ADVISORY_STATES),
  title: z.string(),
  cveId: z.string().nullable(),
  content: z.unknown(),
  /** The published OSV record (the latest revision's); null until publication. */
  osv: OsvRecord.nullable(),
  revision: z.number().int(),
  caseId: z.string().nullable(),
  publishAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  modifiedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  marking: MarkingView,
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const Revision = z.object({ number: z.number().int(), at: z.string(), summary: z.string(), osv: OsvRecord });

export const AdvisoryFilter = {
  q: Text(200).optional(),
  state: z.enum(ADVISORY_STATES).optional(),
  source: z.enum(['aisc', 'import']).optional(),
};

const ImportNote = z
  .object({ location: z.string(), id: z.string().nullable(), problems: z.array(z.object({ path: z.string(), message: z.string() })).readonly() })
  .meta({ id: 'ImportNote' });

export const ImportResult = z
  .object({
    created: z.number().int(),
    revised: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    rejections: z.array(ImportNote),
    /** Records imported with something left out (e.g. a `javascript:` link), with what and why. */
    warnings: z.array(ImportNote),
  })
  .meta({ id: 'ImportResult' });

/**
 * The export formats' documents. Each standard's own JSON schema defines the shape and the
 * writers check it (src/standards/*); the API document names the standard rather than
 * restating it (ADR 0060).
 */
const standardDocument = (id: string, description: string) => z.record(z.string(), z.unknown()).meta({ id, description });
export const EXPORT_DOCUMENTS = {
  osv: standardDocument('OsvDocument', 'An OSV record (OSV schema 1.7; see OsvRecord)'),
  csaf: standardDocument('CsafDocument', 'A CSAF 2.0 document (https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json)'),
  cve5: standardDocument('Cve5Record', 'A CVE JSON 5 record (https://github.com/CVEProject/cve-schema)'),
  stix: standardDocument('StixBundle', 'A STIX 2.1 bundle (https://docs.oasis-open.org/cti/stix/v2.1/)'),
} as const;

nameSchemas({ Advisory, AdvisoryRevision: Revision });
export const RevisionList = z.array(Revision).meta({ id: 'AdvisoryRevisionList' });
