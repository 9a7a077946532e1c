import type { AdvisoryCredit } from '../advisory/content';
import type { Principal } from '../identity/principal';
import type { FinderKind } from '../intake/finding';
import { isCoordinatorStaff } from './staff';
import type { Viewer } from './viewer';

/**
 * Who is credited, and who may read it (issue 9 item 2, ADR 0013). Credits name an
 * organisation and the AI models it used: who else found a bug is itself need-to-know.
 * The rule, evaluated whenever credits are read:
 * - coordinators (analysts and admins of a coordinating organisation) see every credit;
 * - a reporter sees its own credit and only a count of the others;
 * - anyone else sees a count at most;
 * - public credits exist only on a published advisory, and only as each finder chose
 *   ("credit me publicly as …"), naming the AI model only when the finder chose so.
 */

/** A finder's choice about public credit, stored with each finding. */
export interface PublicCreditChoice {
  readonly consent: boolean;
  /** The name to credit publicly; the organisation's name when absent. */
  readonly name?: string | undefined;
  /** For an AI or hybrid finder: name the model in the public credit. */
  readonly model?: boolean | undefined;
}

/** Who reads credits. */
export type CreditReader =
  | { readonly kind: 'coordinator' }
  | { readonly kind: 'organisation'; readonly organisationId: string }
  | { readonly kind: 'anonymous' };

/** The credit reader a principal is (null: an anonymous caller). */
export function creditReaderOf(p: Principal | null): CreditReader {
  if (!p) return { kind: 'anonymous' };
  if (isCoordinatorStaff(p)) return { kind: 'coordinator' };
  return { kind: 'organisation', organisationId: p.organisationId };
}

/** The credit reader a policy viewer is (exports and feeds know the viewer, not the principal). */
export function creditReaderOfViewer(v: Viewer): CreditReader {
  if (v.kind === 'system' || (v.kind === 'user' && v.staff)) return { kind: 'coordinator' };
  if (v.kind === 'anonymous') return { kind: 'anonymous' };
  return { kind: 'organisation', organisationId: v.organisationId };
}

/** One organisation's credit on a report: its findings and the models it used. */
export interface ReporterCredit {
  readonly organisationId: string;
  readonly organisation: string;
  readonly findings: number;
  readonly models: readonly string[];
  readonly firstAt: Date;
}

/** The credits of a report a reader may see, and how many other organisations are credited. */
export function reportCreditsFor(reader: CreditReader, credits: readonly ReporterCredit[]): { credits: ReporterCredit[]; others: number } {
  if (reader.kind === 'coordinator') return { credits: [...credits], others: 0 };
  const own = reader.kind === 'organisation' ? credits.filter((c) => c.organisationId === reader.organisationId) : [];
  return { credits: own, others: credits.length - own.length };
}

/** What a finding tells about its finder, for public credit. */
export interface FinderFacts {
  readonly organisation: string;
  readonly finderKind: FinderKind;
  readonly model: { readonly name: string; readonly version?: string | null | undefined } | null;
  readonly choice: PublicCreditChoice | null;
}

/**
 * The credits a published advisory may carry: one per consenting finder, under the name it
 * chose (else its organisation's), naming the model only when the finder asked for it.
 * Findings without consent are left out; repeats (one finder, several findings) appear once.
 * OSV 1.7 §credits: role FINDER.
 */
export function publicCredits(finders: readonly FinderFacts[]): AdvisoryCredit[] {
  const out = new Map<string, AdvisoryCredit>();
  for (const f of finders) {
    if (!f.choice?.consent) continue;
    const name = f.choice.name?.trim() || f.organisation;
    const model =
      f.choice.model && f.finderKind !== 'human' && f.model ? { name: f.model.name, ...(f.model.version ? { version: f.model.version } : {}) } : null;
    const credit: AdvisoryCredit = model
      ? { name, kind: 'ai', role: 'FINDER', model }
      : { name, kind: f.finderKind === 'human' && f.choice.name ? 'human' : 'organisation', role: 'FINDER' };
    const key = `${name}\u0000${model?.name ?? ''}\u0000${model?.version ?? ''}`;
    if (!out.has(key)) out.set(key, credit);
  }
  return [...out.values()];
}

/**
 * The credits of an advisory a reader may see: coordinators see what they wrote at any
 * time; everyone else only once the advisory is published (before that, a vendor reading the
 * draft learns nothing about who found the bug).
 */
export function advisoryCreditsFor(reader: CreditReader, published: boolean, credits: readonly AdvisoryCredit[]): AdvisoryCredit[] {
  return reader.kind === 'coordinator' || published ? [...credits] : [];
}
