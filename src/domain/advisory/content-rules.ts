import { AppError, type FieldProblem } from '../errors';
import type { AdvisoryContent, AffectedProduct } from './content';
import { contentShapeProblems } from './content';
import { ecosystemForPurlType } from '../../standards/convert/index';
import { parseCpe } from '../../standards/cpe/index';
import { scoreCvss } from '../../standards/cvss/index';
import { parsePurl } from '../../standards/purl/index';
import { FormatError } from '../../standards/problem';
import { compileAffected } from '../../standards/ranges/index';

const messageOf = (err: unknown): string =>
  err instanceof FormatError
    ? err.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')
    : err instanceof Error
      ? err.message
      : String(err);

/** The OSV package (ecosystem, name) a product names, from its purl when it gives one. */
export function packageOf(p: AffectedProduct): { ecosystem: string; name: string } | null {
  if (p.ecosystem && p.name) return { ecosystem: p.ecosystem, name: p.name };
  if (!p.purl) return null;
  const purl = parsePurl(p.purl);
  const ecosystem = ecosystemForPurlType(purl.type, purl.namespace ?? undefined);
  if (!ecosystem) throw new FormatError('purl', [{ path: '/type', message: `no OSV ecosystem for purl type ${purl.type}` }]);
  // OSV names: Go and npm scopes keep the namespace with a slash, Maven joins group and artifact with a colon.
  const name = purl.namespace ? `${purl.namespace}${purl.type === 'maven' ? ':' : '/'}${purl.name}` : purl.name;
  return { ecosystem, name };
}

function productProblems(p: AffectedProduct, base: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (p.cpe) {
    try {
      parseCpe(p.cpe);
    } catch (err) {
      problems.push({ path: `${base}/cpe`, message: messageOf(err) });
    }
    return problems;
  }
  let pkg: { ecosystem: string; name: string } | null = null;
  try {
    pkg = packageOf(p);
  } catch (err) {
    problems.push({ path: `${base}/purl`, message: messageOf(err) });
  }
  if (!pkg) return problems;
  try {
    compileAffected({ package: pkg, ranges: p.ranges ?? [], versions: p.versions ?? [] });
  } catch (err) {
    if (!(err instanceof FormatError)) throw err;
    // ranges' own pointers are relative to the entry; an unknown ecosystem has none.
    for (const pr of err.problems) problems.push({ path: pr.path ? `${base}${pr.path}` : `${base}/ecosystem`, message: pr.message });
  }
  return problems;
}

/**
 * Every problem with an advisory's content, each with its JSON Pointer: the pure shape
 * rules, CVSS vectors scored by the CVSS module (3.1 and 4.0 slots take only their
 * version), known ecosystems and compilable ranges, valid purls and CPE names.
 */
export function contentProblems(c: AdvisoryContent, base = ''): FieldProblem[] {
  const problems = contentShapeProblems(c).map((p) => ({ ...p, path: `${base}${p.path}` }));
  for (const [slot, version] of [
    ['v3_1', '3.1'],
    ['v4_0', '4.0'],
  ] as const) {
    const vector = c.cvss[slot];
    if (!vector) continue;
    try {
      const s = scoreCvss(vector);
      if (s.version !== version) problems.push({ path: `${base}/cvss/${slot}`, message: `expected a CVSS ${version} vector, got ${s.version}` });
    } catch (err) {
      problems.push({ path: `${base}/cvss/${slot}`, message: messageOf(err) });
    }
  }
  for (const [i, p] of c.affected.entries()) problems.push(...productProblems(p, `${base}/affected/${i}`));
  return problems;
}

/** Throws VALIDATION with every problem when the content is not publishable. */
export function assertContent(c: AdvisoryContent): void {
  const problems = contentProblems(c);
  if (problems.length) throw new AppError('VALIDATION', 'The advisory has invalid fields', problems);
}
