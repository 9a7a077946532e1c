import { AppError } from '../domain/errors';

/** Unique constraints → the input field they protect, so a duplicate names its field. */
const UNIQUE_FIELDS: Record<string, { path: string; message: string }> = {
  organisations_name_key: { path: '/name', message: 'an organisation with this name exists' },
  users_email_key: { path: '/email', message: 'a user with this email exists' },
  findings_idempotency_key: { path: '/idempotencyKey', message: 'this idempotency key was used for different content' },
  advisories_pkey: { path: '/id', message: 'an advisory with this id exists' },
  case_vendors_case_org_key: { path: '/organisations', message: 'this vendor is already invited to the case' },
  frontier_models_owner_name_key: { path: '/name', message: 'your organisation has a model with this name' },
  frontier_model_versions_model_version_key: { path: '/version', message: 'the model has this version' },
  frontier_checkpoints_version_hash_key: { path: '/hash', message: 'the version has this checkpoint' },
  frontier_lineage_edge_key: { path: '/parentVersionId', message: 'this lineage edge exists' },
  frontier_rule_sets_pkey: { path: '/version', message: 'this rule-set version exists' },
};

interface PgError {
  code?: string;
  constraint?: string;
  cause?: unknown;
}

/** The PostgreSQL error inside a driver or ORM error, if any. */
function pgErrorOf(err: unknown): PgError | null {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const p = e as PgError;
    if (typeof p.code === 'string' && /^[0-9A-Z]{5}$/.test(p.code)) return p;
    e = p.cause;
  }
  return null;
}

/** Turns a unique violation (SQLSTATE 23505) into a CONFLICT naming the field; other errors pass through. */
export function translateDbError(err: unknown): unknown {
  const pg = pgErrorOf(err);
  if (pg?.code === '23505') {
    const field = (pg.constraint && UNIQUE_FIELDS[pg.constraint]) || { path: '', message: 'already exists' };
    return new AppError('CONFLICT', `Conflict: ${field.message}`, [field], { cause: err });
  }
  return err;
}
