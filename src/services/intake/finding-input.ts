import { createHash } from 'node:crypto';
import { canonicalJson } from '../../standards/jcs/canonical-json';
import { checkCwe } from '../../standards/cwe/check';
import type { DedupFacts, FinderKind, Severity } from '../../domain/intake/finding';
import { ecosystemForPurlType } from '../../standards/convert/index';
import { parseCpe } from '../../standards/cpe/index';
import { scoreCvss } from '../../standards/cvss/index';
import { FormatError } from '../../standards/problem';
import { PURL_TYPE_RULES, parsePurl, type PackageURL } from '../../standards/purl/index';
import { ecosystemFor } from '../../standards/versions/index';
import { checkAttachment, type AttachmentFile } from './attachments';
import type { z } from 'zod';
import { AttachmentInput, FindingInput, zodProblems } from './finding-schema';

export interface Problem {
  readonly path: string;
  readonly message: string;
}

/** A finding that passed every check, ready to deduplicate and store. */
export interface ValidFinding {
  readonly input: FindingInput;
  readonly idempotencyKey: string | null;
  /** SHA-256 of the canonical finding without its idempotency key: what a replay must match. */
  readonly contentDigest: string;
  readonly dedup: DedupFacts;
  readonly finderKind: FinderKind;
  readonly purl: string | null;
  readonly cpe: string | null;
  readonly affectedVersions: string[];
  readonly severity: Severity;
  readonly cvssVector: string | null;
  readonly cvssScore: number | null;
  readonly exploited: boolean;
  readonly attachments: AttachmentFile[];
}

export type CheckedItem =
  | { readonly ok: true; readonly finding: ValidFinding }
  | { readonly ok: false; readonly problems: Problem[]; readonly idempotencyKey: string | null };

const formatProblems = (err: unknown, base: string, fallback: string): Problem[] =>
  err instanceof FormatError ? err.problems.map((p) => ({ path: `${base}${p.path}`, message: p.message })) : [{ path: base, message: fallback }];

/** `pkg:type/namespace/name`: the product, whatever version (dedup compares products). */
const purlProduct = (p: PackageURL): string => `pkg:${p.type}/${p.namespace ? `${p.namespace}/` : ''}${p.name}`;

/** A repository URL as a product key: host and path, lower-case, no scheme, no `.git`. */
export function repositoryKey(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^[a-z+]+:\/\/(?:[^@/]*@)?/, '')
    .replace(/^git@([^:]+):/, '$1/')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
}

function checkTarget(
  input: Pick<FindingInput, 'target'>,
  problems: Problem[],
): { targetKey: string; purl: string | null; cpe: string | null; affected: string[] } {
  const t = input.target;
  let targetKey = '';
  let purl: string | null = null;
  let cpe: string | null = null;
  const affected = [...new Set(t.affectedVersions ?? [])];
  if (!t.purl && !t.cpe && !t.repository) problems.push({ path: '/target', message: 'name the product: a purl, a CPE or a repository' });
  if (t.purl) {
    try {
      const p = parsePurl(t.purl);
      if (!Object.hasOwn(PURL_TYPE_RULES, p.type)) problems.push({ path: '/target/purl', message: `unknown package ecosystem (purl type "${p.type}")` });
      purl = t.purl;
      targetKey = purlProduct(p);
      if (p.version && !affected.includes(p.version)) affected.unshift(p.version);
      const eco = ecosystemForPurlType(p.type, p.namespace ?? undefined);
      if (eco) {
        const versions = ecosystemFor(eco);
        for (const [i, v] of (t.affectedVersions ?? []).entries()) {
          try {
            versions.parse(v);
          } catch (err) {
            problems.push({
              path: `/target/affectedVersions/${i}`,
              message: err instanceof FormatError ? `not a ${eco} version: ${err.problems[0]?.message ?? ''}` : `not a ${eco} version`,
            });
          }
        }
      }
    } catch (err) {
      problems.push(...formatProblems(err, '/target/purl', 'not a valid purl'));
    }
  }
  if (t.cpe) {
    try {
      const c = parseCpe(t.cpe);
      cpe = c.formattedString;
      if (!targetKey) targetKey = `cpe:${String(c.wfn.vendor)}:${String(c.wfn.product)}`.toLowerCase();
    } catch (err) {
      problems.push(...formatProblems(err, '/target/cpe', 'not a valid CPE name'));
    }
  }
  if (!targetKey && t.repository) targetKey = `repo:${repositoryKey(t.repository)}`;
  return { targetKey, purl, cpe, affected };
}

/** Scores of vectors seen lately: bulk submissions repeat a handful of vectors thousands of times. */
const scored = new Map<string, ReturnType<typeof scoreCvss>>();
function scoreCached(vector: string): ReturnType<typeof scoreCvss> {
  let s = scored.get(vector);
  if (!s) {
    s = scoreCvss(vector);
    if (scored.size >= 10_000) scored.clear();
    scored.set(vector, s);
  }
  return s;
}

function checkSeverity(input: Pick<FindingInput, 'severity'>, problems: Problem[]): { severity: Severity; vector: string | null; score: number | null } {
  if (!input.severity) return { severity: 'unknown', vector: null, score: null };
  try {
    const s = scoreCached(input.severity.cvss);
    if (s.version === '2.0') {
      problems.push({ path: '/severity/cvss', message: 'CVSS 2.0 is not accepted: give a CVSS 3.x or 4.0 vector' });
      return { severity: 'unknown', vector: null, score: null };
    }
    return { severity: s.baseSeverity.toLowerCase() as Severity, vector: s.vectorString, score: s.baseScore };
  } catch (err) {
    problems.push(...formatProblems(err, '/severity/cvss', 'not a valid CVSS vector'));
    return { severity: 'unknown', vector: null, score: null };
  }
}

function checkProvenance(input: Pick<FindingInput, 'provenance'>, problems: Problem[]): void {
  const p = input.provenance;
  if ((p.finderKind === 'ai' || p.finderKind === 'hybrid') && !p.model)
    problems.push({
      path: '/provenance/model',
      message: `a finding by ${p.finderKind === 'ai' ? 'an AI system' : 'a person with an AI system'} names the model`,
    });
  if (p.finderKind === 'ai' && !p.autonomy) problems.push({ path: '/provenance/autonomy', message: 'say how autonomously the AI system worked' });
  if (p.finderKind === 'human' && p.autonomy)
    problems.push({ path: '/provenance/autonomy', message: 'autonomy describes an AI system; a human finding has none' });
}

function checkWeakness(input: Pick<FindingInput, 'weakness'>, problems: Problem[]): string | null {
  if (!input.weakness) return null;
  const c = checkCwe(input.weakness.cwe);
  if (c.ok) return c.id;
  problems.push({ path: '/weakness/cwe', message: c.message });
  return null;
}

function checkAttachments(files: ReadonlyArray<z.infer<typeof AttachmentInput> | undefined>, problems: Problem[]): AttachmentFile[] {
  const attachments: AttachmentFile[] = [];
  for (const [i, a] of files.entries()) {
    if (!a) continue;
    const r = checkAttachment(a, `/proofOfConcept/${i}`);
    if ('problems' in r) problems.push(...r.problems);
    else attachments.push(r);
  }
  return attachments;
}

/**
 * When the schema fails, the sections that did parse still get their semantic checks (purl,
 * versions, CPE, CVSS, CWE, provenance, proofs of concept), so a submitter learns every
 * problem in one answer rather than one layer at a time (issue 9 item 12).
 */
function sectionProblems(value: unknown, error: z.ZodError): Problem[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const v = value as Record<string, unknown>;
  const broken = new Set(error.issues.map((i) => i.path.slice(0, i.path[0] === 'proofOfConcept' ? 2 : 1).join('/')));
  const section = <K extends 'provenance' | 'target' | 'severity' | 'weakness'>(key: K): FindingInput[K] | undefined => {
    if (broken.has(key) || v[key] === undefined) return undefined;
    const r = FindingInput.shape[key].safeParse(v[key]);
    return r.success ? (r.data as FindingInput[K]) : undefined;
  };
  const problems: Problem[] = [];
  const provenance = section('provenance');
  if (provenance) checkProvenance({ provenance }, problems);
  const target = section('target');
  if (target) checkTarget({ target }, problems);
  checkSeverity({ severity: section('severity') }, problems);
  checkWeakness({ weakness: section('weakness') }, problems);
  if (Array.isArray(v.proofOfConcept) && !broken.has('proofOfConcept')) {
    const files = v.proofOfConcept.map((a, i) => {
      if (broken.has(`proofOfConcept/${i}`)) return undefined;
      const r = AttachmentInput.safeParse(a);
      return r.success ? r.data : undefined;
    });
    checkAttachments(files, problems);
  }
  return problems;
}

/** The key an item is stored under: its own, else the request's key and its position. */
export function itemKey(value: unknown, requestKey: string | null, index: number): string | null {
  const own = value && typeof value === 'object' && !Array.isArray(value) ? (value as { idempotencyKey?: unknown }).idempotencyKey : undefined;
  if (typeof own === 'string' && own.trim()) return own.trim();
  return requestKey ? `${requestKey}#${index}` : null;
}

/**
 * Checks one submitted item completely and reports every problem by JSON Pointer, relative
 * to the item. Pure apart from hashing.
 */
export function checkFinding(value: unknown, requestKey: string | null, index: number): CheckedItem {
  const idempotencyKey = itemKey(value, requestKey, index);
  const parsed = FindingInput.safeParse(value);
  if (!parsed.success) return { ok: false, problems: [...zodProblems(parsed.error), ...sectionProblems(value, parsed.error)], idempotencyKey };
  const input = parsed.data;
  const problems: Problem[] = [];
  checkProvenance(input, problems);
  const target = checkTarget(input, problems);
  const severity = checkSeverity(input, problems);
  const cwe = checkWeakness(input, problems);
  const attachments = checkAttachments(input.proofOfConcept ?? [], problems);
  if (problems.length) return { ok: false, problems, idempotencyKey };
  const { idempotencyKey: _own, ...content } = input;
  const loc = input.location ?? {};
  return {
    ok: true,
    finding: {
      input,
      idempotencyKey,
      contentDigest: createHash('sha256').update(canonicalJson(content)).digest('hex'),
      dedup: {
        targetKey: target.targetKey,
        file: loc.file ?? null,
        line: loc.line ?? null,
        function: loc.function ?? null,
        endpoint: loc.endpoint ?? null,
        cwe,
        title: input.title ?? input.description.split('\n')[0]!.slice(0, 200),
        description: input.description,
        stackTrace: input.stackTrace ?? null,
      },
      finderKind: input.provenance.finderKind,
      purl: target.purl,
      cpe: target.cpe,
      affectedVersions: target.affected,
      severity: severity.severity,
      cvssVector: severity.vector,
      cvssScore: severity.score,
      exploited: input.exploited ?? false,
      attachments,
    },
  };
}
