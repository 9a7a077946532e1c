import type { FieldProblem } from '../errors';

/**
 * A catalogue of voluntary security practices as versioned data (issue 12, ADR 0105): the
 * version that ships (`practices/*.json`) and any version an administrator adds through the API
 * are the same kind of document, checked by `validatePracticeCatalogue` — as rule sets are
 * (ADR 0080). A catalogue records what a practice is and where it comes from; it never gates a
 * release (the order's framework is voluntary, research/frontier-domain.md §0).
 */
export interface PracticeCatalogue {
  /** The version attestations keep, e.g. `2026-12-01`. */
  readonly version: string;
  readonly title: string;
  readonly note?: string;
  readonly practices: readonly Practice[];
}

export interface PracticeSource {
  readonly citation: string;
  readonly url?: string;
}

export interface Practice {
  /** A stable slug, e.g. `third-party-assessment-before-release`. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Whether an attestation of `implemented` or `partial` must carry evidence. */
  readonly evidenceRequired: boolean;
  /** Where the practice comes from: at least one citation. */
  readonly sources: readonly PracticeSource[];
}

export type CatalogueParse = { readonly ok: true; readonly catalogue: PracticeCatalogue } | { readonly ok: false; readonly problems: readonly FieldProblem[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const VERSION = /^[A-Za-z0-9][A-Za-z0-9._:+-]{0,63}$/;
const MAX_PRACTICES = 200;
const MAX_SOURCES = 20;
const pointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function unknownKeys(obj: Record<string, unknown>, known: readonly string[], path: string, problems: FieldProblem[]): void {
  for (const key of Object.keys(obj)) if (!known.includes(key)) problems.push({ path: `${path}/${pointer(key)}`, message: 'unknown field' });
}

function text(obj: Record<string, unknown>, key: string, path: string, problems: FieldProblem[], required: boolean, max: number): void {
  const v = obj[key];
  if (v === undefined) {
    if (required) problems.push({ path: `${path}/${key}`, message: 'is required' });
  } else if (typeof v !== 'string' || v.trim() === '') problems.push({ path: `${path}/${key}`, message: 'must be a non-empty string' });
  else if (v.length > max) problems.push({ path: `${path}/${key}`, message: `must be at most ${max} characters` });
}

function sources(v: unknown, path: string, problems: FieldProblem[]): void {
  if (!Array.isArray(v) || v.length === 0) {
    problems.push({ path, message: 'is required: at least one source (a citation, with an https URL where there is one)' });
    return;
  }
  if (v.length > MAX_SOURCES) problems.push({ path, message: `must list at most ${MAX_SOURCES} sources` });
  v.forEach((s, i) => {
    const at = `${path}/${i}`;
    if (!isObject(s)) {
      problems.push({ path: at, message: 'must be an object {citation, url}' });
      return;
    }
    unknownKeys(s, ['citation', 'url'], at, problems);
    text(s, 'citation', at, problems, true, 500);
    if (s.url !== undefined && (typeof s.url !== 'string' || !/^https:\/\/\S+$/.test(s.url) || s.url.length > 2000))
      problems.push({ path: `${at}/url`, message: 'must be an https URL' });
  });
}

function practice(p: unknown, path: string, problems: FieldProblem[]): void {
  if (!isObject(p)) {
    problems.push({ path, message: 'must be an object {id, title, description, evidenceRequired, sources}' });
    return;
  }
  unknownKeys(p, ['id', 'title', 'description', 'evidenceRequired', 'sources'], path, problems);
  text(p, 'id', path, problems, true, 100);
  if (typeof p.id === 'string' && p.id !== '' && !SLUG.test(p.id))
    problems.push({ path: `${path}/id`, message: 'must be a slug: lower-case letters, digits and hyphens' });
  text(p, 'title', path, problems, true, 300);
  text(p, 'description', path, problems, true, 4000);
  if (typeof p.evidenceRequired !== 'boolean') problems.push({ path: `${path}/evidenceRequired`, message: 'is required: true or false' });
  sources(p.sources, `${path}/sources`, problems);
}

/**
 * Checks a catalogue document and reports every problem with its JSON Pointer: unknown fields,
 * a missing or malformed version, a practice without a source or without `evidenceRequired`,
 * two practices with one id.
 */
export function validatePracticeCatalogue(doc: unknown): CatalogueParse {
  const problems: FieldProblem[] = [];
  if (!isObject(doc)) return { ok: false, problems: [{ path: '', message: 'must be a JSON object (a practice catalogue)' }] };
  unknownKeys(doc, ['version', 'title', 'note', 'practices'], '', problems);
  text(doc, 'version', '', problems, true, 64);
  if (typeof doc.version === 'string' && doc.version !== '' && !VERSION.test(doc.version))
    problems.push({ path: '/version', message: 'must be letters, digits and . _ : + - (e.g. 2026-12-01)' });
  text(doc, 'title', '', problems, true, 300);
  text(doc, 'note', '', problems, false, 4000);
  if (!Array.isArray(doc.practices) || doc.practices.length === 0) problems.push({ path: '/practices', message: 'is required: at least one practice' });
  else {
    if (doc.practices.length > MAX_PRACTICES) problems.push({ path: '/practices', message: `must list at most ${MAX_PRACTICES} practices` });
    const seen = new Map<string, number>();
    doc.practices.forEach((p, i) => {
      practice(p, `/practices/${i}`, problems);
      if (isObject(p) && typeof p.id === 'string') {
        const first = seen.get(p.id);
        if (first !== undefined) problems.push({ path: `/practices/${i}/id`, message: `repeats the id of practice ${first}` });
        else seen.set(p.id, i);
      }
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, catalogue: doc as unknown as PracticeCatalogue };
}

/** The practice of a catalogue with this id, or undefined. */
export function practiceOf(catalogue: PracticeCatalogue, id: string): Practice | undefined {
  return catalogue.practices.find((p) => p.id === id);
}
