import { FOREIGN_ID_PATTERN } from '../../domain/advisory/id';
import { AppError, type FieldProblem } from '../../domain/errors';
import { csafToOsv, cve5ToOsv } from '../../standards/convert/index';
import { readCsaf } from '../../standards/csaf/index';
import { readCve5 } from '../../standards/cve5/index';
import { detectFormat } from '../../standards/formats/index';
import { parseJsonText } from '../../standards/json-schema/parse-json';
import { validateOsv, type OsvRecord } from '../../standards/osv/index';
import { FormatError, type Problem } from '../../standards/problem';
import { compileAffected } from '../../standards/ranges/index';
import { withoutUnsafeLinks } from './import-links';

export const IMPORT_FORMATS = ['osv', 'csaf', 'cve5'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One record to import, or the reasons it cannot be, located in the input. */
export interface ImportItem {
  /** Where it is: `line 12` (NDJSON), `/3` (a JSON array), `/` (one document); CSAF vulnerabilities add `#n`. */
  readonly location: string;
  readonly id: string | null;
  readonly record: OsvRecord | null;
  readonly problems: readonly FieldProblem[];
  /** What is imported without (links we do not publish, import-links.ts): the record is still imported. */
  readonly warnings: readonly FieldProblem[];
}

// OSV 1.7 wants full-length commit hashes in GIT ranges; real databases (PyPA) carry short
// ones. The OSV module accepts them as written when asked (ADR 0020).
const lenientOsvProblems = (value: unknown): Problem[] => validateOsv(value, { strictCommits: false });

/** Problems beyond the schema: the id is another database's, ecosystems are known and ranges compile. */
function recordProblems(r: OsvRecord): FieldProblem[] {
  const problems: FieldProblem[] = [];
  // AISC-YYYY-NNNNN and AISC-DRAFT-… (ADR 0021) are ours; any AISC- id could collide with one.
  if (/^AISC-/i.test(r.id)) problems.push({ path: '/id', message: "AISC- ids are this clearinghouse's own advisories, not imported" });
  else if (!FOREIGN_ID_PATTERN.test(r.id)) problems.push({ path: '/id', message: 'an imported id looks like GHSA-xxxx-xxxx-xxxx or GO-2024-1234' });
  (r.affected ?? []).forEach((a, i) => {
    if (!a.package) return;
    try {
      compileAffected(a);
    } catch (err) {
      if (!(err instanceof FormatError)) throw err;
      for (const p of err.problems) problems.push({ path: `/affected/${i}${p.path || '/package/ecosystem'}`, message: p.message });
    }
  });
  return problems;
}

const item = (
  location: string,
  id: string | null,
  record: OsvRecord | null,
  problems: readonly FieldProblem[],
  warnings: readonly FieldProblem[] = [],
): ImportItem => ({ location, id, record, problems, warnings });

/** The OSV records one document of `format` holds (CSAF: one per vulnerability). */
function recordsOf(doc: unknown, format: ImportFormat, location: string): ImportItem[] {
  const idOf = (d: unknown) => (d && typeof d === 'object' && typeof (d as { id?: unknown }).id === 'string' ? (d as { id: string }).id : null);
  try {
    const records =
      format === 'osv'
        ? ((p) => {
            if (p.length) throw new FormatError('osv', p);
            return [doc as OsvRecord];
          })(lenientOsvProblems(doc))
        : format === 'csaf'
          ? csafToOsv(readCsaf(doc))
          : [cve5ToOsv(readCve5(doc))];
    return records.map((r, i) => item(records.length > 1 ? `${location}#${i}` : location, r.id, r, recordProblems(r), withoutUnsafeLinks(r).dropped));
  } catch (err) {
    if (!(err instanceof FormatError)) throw err;
    return [item(location, idOf(doc), null, err.problems)];
  }
}

/** One document of an import file, or why its text is not JSON. */
export interface ImportDocument {
  readonly location: string;
  readonly value: unknown;
  readonly problem?: string;
}

/** Splits input text into documents: a JSON array, one JSON document, or NDJSON (one per line). */
export function importDocumentsOf(text: string): ImportDocument[] {
  const trimmed = text.trim();
  if (!trimmed) throw new AppError('VALIDATION', 'The file is empty', [{ path: '', message: 'empty input' }]);
  if (trimmed.startsWith('[')) {
    const all = parseJsonText(trimmed, {}, 'json');
    if (!Array.isArray(all)) throw new AppError('VALIDATION', 'Expected a JSON array', [{ path: '', message: 'not an array' }]);
    return all.map((value, i) => ({ location: `/${i}`, value }));
  }
  const lines = trimmed.split('\n');
  if (lines.length > 1 && lines.every((l) => !l.trim() || l.trim().startsWith('{'))) {
    const docs: ImportDocument[] = [];
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      try {
        docs.push({ location: `line ${i + 1}`, value: parseJsonText(line) });
      } catch (err) {
        docs.push({ location: `line ${i + 1}`, value: null, problem: err instanceof FormatError ? err.problems[0]!.message : 'malformed JSON' });
      }
    });
    // A pretty-printed single document also has many lines starting with `{`: fall through when no line parsed.
    if (docs.some((d) => !d.problem)) return docs;
  }
  try {
    return [{ location: '/', value: parseJsonText(trimmed) }];
  } catch (err) {
    throw new AppError('VALIDATION', 'The file is not JSON, a JSON array or NDJSON', [
      { path: '', message: err instanceof FormatError ? err.problems[0]!.message : 'malformed JSON' },
    ]);
  }
}

/**
 * Reads an import file: documents in any of the three layouts, the format given or
 * detected by the formats registry from the first document, and each record checked —
 * bad ones are returned with every problem, never thrown, so the rest can be imported.
 */
export function readImportFile(text: string, format?: ImportFormat): { format: ImportFormat; items: ImportItem[] } {
  const docs = importDocumentsOf(text);
  const f = importFormatOf(docs, format);
  const items = docs.flatMap((d) => (d.problem ? [unreadable(d)] : recordsOf(d.value, f, d.location)));
  return { format: f, items };
}

/** The rejection of a document whose text is not JSON. */
export const unreadable = (d: ImportDocument): ImportItem => item(d.location, null, null, [{ path: '', message: d.problem ?? 'malformed JSON' }]);

/** The format given, or the one the formats registry detects from the first readable document. */
export function importFormatOf(docs: readonly ImportDocument[], format?: ImportFormat): ImportFormat {
  const first = docs.find((d) => !d.problem);
  const detected = format ?? (first ? detectFormat(JSON.stringify(first.value))?.id : undefined);
  if (!detected || !(IMPORT_FORMATS as readonly string[]).includes(detected)) {
    throw new AppError('VALIDATION', `Cannot import ${detected ?? 'this file'}: give --format ${IMPORT_FORMATS.join('|')}`, [
      { path: '/format', message: detected ? `${detected} is not an advisory format` : 'format not recognised' },
    ]);
  }
  return detected as ImportFormat;
}

/** Reads already-parsed documents (the API's import body) the same way. */
export function readImportDocuments(documents: readonly unknown[], format: ImportFormat, offset = 0): ImportItem[] {
  return documents.flatMap((d, i) => recordsOf(d, format, `/${offset + i}`));
}
