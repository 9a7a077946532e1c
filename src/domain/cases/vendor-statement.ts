/**
 * A vendor's statement about one vulnerability, in the VEX vocabulary (OpenVEX v0.2.0
 * §Status Labels; CSAF 2.0 §3.2.3.12 product status): affected, not affected (with a
 * justification), under investigation, or fixed (with the fixed versions).
 */
export const VENDOR_STATUSES = ['affected', 'not_affected', 'under_investigation', 'fixed'] as const;
export type VendorStatus = (typeof VENDOR_STATUSES)[number];

/** OpenVEX §Status Justifications = CSAF 2.0 §3.2.3.5 flag labels. */
export const VEX_JUSTIFICATIONS = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
] as const;
export type VexJustification = (typeof VEX_JUSTIFICATIONS)[number];

export interface VendorStatementInput {
  readonly status: string;
  readonly justification?: string | null | undefined;
  readonly impactStatement?: string | null | undefined;
  readonly fixedVersions?: readonly string[] | null | undefined;
  readonly actionStatement?: string | null | undefined;
}

export interface VendorStatement {
  readonly status: VendorStatus;
  readonly justification: VexJustification | null;
  readonly impactStatement: string | null;
  readonly fixedVersions: readonly string[];
  readonly actionStatement: string | null;
}

export type StatementResult =
  | { readonly ok: true; readonly statement: VendorStatement }
  | { readonly ok: false; readonly problems: readonly { path: string; message: string }[] };

const isStatus = (s: string): s is VendorStatus => (VENDOR_STATUSES as readonly string[]).includes(s);
const isJustification = (s: string): s is VexJustification => (VEX_JUSTIFICATIONS as readonly string[]).includes(s);

/**
 * Parses a statement, naming every bad field. OpenVEX §Status Justifications: not_affected
 * needs a justification or an impact statement; we ask for the justification (machine
 * readable). Only `fixed` carries fixed versions, and it needs at least one.
 */
export function parseStatement(input: VendorStatementInput): StatementResult {
  const problems: { path: string; message: string }[] = [];
  const status = input.status;
  if (!isStatus(status)) problems.push({ path: '/status', message: `one of ${VENDOR_STATUSES.join(', ')}` });
  const justification = input.justification ?? null;
  if (justification !== null && !isJustification(justification)) problems.push({ path: '/justification', message: `one of ${VEX_JUSTIFICATIONS.join(', ')}` });
  if (status === 'not_affected' && justification === null) problems.push({ path: '/justification', message: 'not_affected needs a VEX justification' });
  if (status !== 'not_affected' && justification !== null && isStatus(status))
    problems.push({ path: '/justification', message: 'only not_affected carries a justification' });
  const fixedVersions = [...(input.fixedVersions ?? [])];
  fixedVersions.forEach((v, i) => {
    if (!v.trim()) problems.push({ path: `/fixedVersions/${i}`, message: 'empty version' });
  });
  if (status === 'fixed' && fixedVersions.length === 0) problems.push({ path: '/fixedVersions', message: 'fixed needs at least one fixed version' });
  if (status !== 'fixed' && fixedVersions.length > 0 && isStatus(status))
    problems.push({ path: '/fixedVersions', message: 'only fixed carries fixed versions' });
  if (problems.length || !isStatus(status)) return { ok: false, problems };
  return {
    ok: true,
    statement: {
      status,
      justification: justification as VexJustification | null,
      impactStatement: input.impactStatement?.trim() || null,
      fixedVersions,
      actionStatement: input.actionStatement?.trim() || null,
    },
  };
}
