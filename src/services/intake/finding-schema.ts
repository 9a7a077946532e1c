import { z } from 'zod';
import { AUTONOMY_LEVELS, FINDER_KINDS } from '../../domain/intake/finding';

/**
 * AISC's own finding document (JSON; one per line in NDJSON). Parsed once at the boundary
 * (STYLE.md "Parse, don't validate"); the semantic checks (purl, CPE, CVSS, CWE, versions,
 * attachments) follow in finding-input.ts.
 */
const text = (max: number) => z.string().trim().min(1).max(max);

/** Largest proof-of-concept file (decoded bytes) and how many a finding may carry. */
export const MAX_ATTACHMENT_BYTES = 1_048_576;
export const MAX_ATTACHMENTS = 5;

export const ProvenanceInput = z.strictObject({
  finderKind: z.enum(FINDER_KINDS),
  model: z.strictObject({ name: text(200), version: text(100).optional() }).optional(),
  autonomy: z.enum(AUTONOMY_LEVELS).optional(),
  harness: z.strictObject({ name: text(200), version: text(100).optional() }).optional(),
  runId: text(200).optional(),
  configurationHash: text(200).optional(),
});

export const TargetInput = z.strictObject({
  purl: text(2048).optional(),
  cpe: text(2048).optional(),
  repository: text(2048).optional(),
  commit: z
    .string()
    .regex(/^[0-9a-f]{7,64}$/i, 'a commit id is 7 to 64 hex digits')
    .optional(),
  affectedVersions: z.array(text(200)).max(1000).optional(),
});

export const LocationInput = z.strictObject({
  file: text(4096).optional(),
  line: z.number().int().min(1).max(100_000_000).optional(),
  function: text(1000).optional(),
  endpoint: text(2048).optional(),
});

export const AttachmentInput = z.strictObject({
  name: text(255),
  mediaType: text(255),
  contentBase64: z.string().max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 8, `larger than ${MAX_ATTACHMENT_BYTES} bytes`),
});

/**
 * "Credit me publicly as …" (issue 9 item 2): whether the finder may be named on the
 * published advisory, under which name (its organisation's when absent), and, for an AI or
 * hybrid finder, whether to name the model. Without consent nothing is published about it.
 */
export const PublicCreditInput = z
  .strictObject({
    consent: z.boolean(),
    name: text(200).optional(),
    model: z.boolean().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.consent) return;
    if (c.name !== undefined) ctx.addIssue({ code: 'custom', path: ['name'], message: 'a public name needs consent: set consent to true' });
    if (c.model) ctx.addIssue({ code: 'custom', path: ['model'], message: 'naming the model publicly needs consent: set consent to true' });
  });

export const FindingInput = z.strictObject({
  idempotencyKey: text(200).optional(),
  title: text(300).optional(),
  description: text(100_000),
  provenance: ProvenanceInput,
  target: TargetInput,
  location: LocationInput.optional(),
  weakness: z.strictObject({ cwe: text(32) }).optional(),
  stackTrace: z.string().max(200_000).optional(),
  severity: z.strictObject({ cvss: text(1024) }).optional(),
  exploited: z.boolean().optional(),
  proofOfConcept: z.array(AttachmentInput).max(MAX_ATTACHMENTS).optional(),
  publicCredit: PublicCreditInput.optional(),
});
export type FindingInput = z.infer<typeof FindingInput>;

/** zod issues → JSON Pointer problems (unknown keys named one by one). */
export function zodProblems(error: z.ZodError, base = ''): { path: string; message: string }[] {
  return error.issues.flatMap((i) => {
    const at = `${base}${i.path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')}`;
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ path: `${at}/${k}`, message: 'unknown field' }));
    return [{ path: at, message: i.message }];
  });
}
