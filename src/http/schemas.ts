import { z } from 'zod';
import { CLASSIFICATIONS, CLEARANCES, TLP_LABELS } from '../domain/policy/marking';
import { ORGANISATION_KIND_IDS, SECTOR_IDS } from '../domain/identity/organisation';
import { ROLE_IDS, SCOPE_IDS } from '../domain/identity/roles';

/** Request and response schemas shared by routes; the OpenAPI document is generated from them. */
export const Uuid = z.uuid();
export const IdParams = z.strictObject({ id: Uuid });

export const Paging = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export const Email = z.email().max(254);
export const Name = z.string().trim().min(1).max(200);
export const Password = z.string().min(1).max(1024);

export const OrganisationKind = z.enum(ORGANISATION_KIND_IDS);
export const Sector = z.enum(SECTOR_IDS);
export const Role = z.enum(ROLE_IDS);
export const Clearance = z.enum(CLEARANCES);
export const Scope = z.enum(SCOPE_IDS);
export const Tlp = z.enum(TLP_LABELS);
export const Classification = z.enum(CLASSIFICATIONS);

export const MarkingInput = z.strictObject({
  tlp: Tlp,
  classification: Classification.optional(),
  access: z
    .strictObject({
      organisations: z.array(Uuid).max(1000).optional(),
      users: z.array(Uuid).max(1000).optional(),
    })
    .optional(),
  /** Share with the clearinghouse's coordinators, whoever they are when it is read (ADR 0008). */
  coordinators: z.boolean().optional(),
});

export const MarkingView = z.object({
  tlp: Tlp,
  classification: Classification,
  ownerOrganisationId: Uuid,
  createdBy: Uuid.nullable(),
  access: z.object({ organisations: z.array(Uuid), users: z.array(Uuid) }),
  /** Shared with the clearinghouse's coordinators, evaluated when read (ADR 0008). */
  coordinators: z.boolean(),
});

export const Organisation = z.object({
  id: Uuid,
  name: z.string(),
  kind: OrganisationKind,
  sectors: z.array(Sector),
  parentId: Uuid.nullable(),
  coordinator: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const User = z.object({
  id: Uuid,
  email: z.string(),
  name: z.string(),
  organisationId: Uuid,
  role: Role,
  clearance: Clearance,
  status: z.enum(['invited', 'active', 'disabled']),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});

export const Session = z.object({
  user: User.extend({ organisation: Organisation }),
  csrfToken: z.string(),
  platformAdmin: z.boolean(),
  scopes: z.array(Scope),
});

export const Token = z.object({
  id: Uuid,
  name: z.string(),
  scopes: z.array(Scope),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const Webhook = z.object({
  id: Uuid,
  organisationId: Uuid,
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const Delivery = z.object({
  id: Uuid,
  webhookId: Uuid,
  eventId: Uuid,
  eventType: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed', 'dead']),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});

export const Note = z.object({
  id: Uuid,
  subjectOrganisationId: Uuid.nullable(),
  title: z.string(),
  body: z.string(),
  marking: MarkingView,
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const AuditEntry = z.object({
  seq: z.number().int(),
  id: Uuid,
  at: z.string(),
  actor: z.object({ userId: Uuid.nullable(), organisationId: Uuid.nullable(), label: z.string() }),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  beforeDigest: z.string().nullable(),
  afterDigest: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});

const pages = new WeakMap<z.ZodType, z.ZodType>();

/**
 * A page of items with the total the same filter matches, named after its item
 * (`NotePage` for `Note`): one component per item type, however many routes page it.
 */
export function page<T extends z.ZodType>(item: T) {
  const known = pages.get(item) as ReturnType<typeof pageOf<T>> | undefined;
  if (known) return known;
  const id = z.globalRegistry.get(item)?.id;
  if (!id) throw new Error('page(item): name the item schema first (an `id` in its meta), so the page is a named component');
  const made = pageOf(item).meta({ id: `${id}Page` });
  pages.set(item, made);
  return made;
}
const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

/** Names a set of response schemas (`.meta({ id })` on the instances themselves): OpenAPI components (ADR 0060). */
export function nameSchemas(schemas: Record<string, z.ZodType>): void {
  for (const [id, schema] of Object.entries(schemas)) z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), id });
}

nameSchemas({ Marking: MarkingView, Organisation, User, Session, Token, Webhook, Delivery, Note, AuditEntry });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    code: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string(), location: z.string().optional() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

/** Standard error responses for the OpenAPI document. */
export const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ProblemSchema]));
