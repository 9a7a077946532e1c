import type { FieldProblem } from '../errors';
import { isRiskDomain, isRiskLevel, RISK_DOMAIN_IDS, RISK_LEVELS, type RiskDomain, type RiskLevel } from './assessment-vocabulary';

/**
 * One risk scale (issue 12): every conclusion is stated on the common scale (low / medium /
 * high / critical) per domain, with the developer's own framework label kept beside it. A
 * framework's mapping onto the common scale is a versioned table shipped as data
 * (risk-scales/*.json), checked here at load like the rule sets (ADR 0080, ADR 0103). Research
 * frontier-domain.md §3.4: "Keep the framework-native label alongside it. Do not collapse."
 */
export interface RiskScaleLevel {
  readonly label: string;
  readonly description: string;
  /** The common level this label means in each domain the framework covers. */
  readonly map: Readonly<Partial<Record<RiskDomain, RiskLevel>>>;
}

export interface RiskScaleMapping {
  readonly id: string;
  /** The mapping's own version (shown with every conclusion that used it). */
  readonly version: string;
  readonly framework: string;
  readonly frameworkVersions: string;
  readonly sources: readonly { readonly citation: string; readonly url?: string }[];
  readonly note: string;
  readonly levels: readonly RiskScaleLevel[];
}

export type RiskScaleParse = { readonly ok: true; readonly mapping: RiskScaleMapping } | { readonly ok: false; readonly problems: FieldProblem[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** The problems of one level of a mapping (`seen` collects labels to find repeats). */
function levelProblems(l: unknown, at: string, seen: Set<string>): FieldProblem[] {
  if (!isObject(l)) return [{ path: at, message: 'a level is an object' }];
  const problems: FieldProblem[] = [];
  if (!text(l.label)) problems.push({ path: `${at}/label`, message: 'required text' });
  else if (seen.has(l.label)) problems.push({ path: `${at}/label`, message: `"${l.label}" is listed twice` });
  else seen.add(l.label);
  if (!text(l.description)) problems.push({ path: `${at}/description`, message: 'required text' });
  if (!isObject(l.map) || Object.keys(l.map).length === 0) return [...problems, { path: `${at}/map`, message: 'maps at least one domain' }];
  for (const [d, v] of Object.entries(l.map)) {
    if (!isRiskDomain(d)) problems.push({ path: `${at}/map/${d}`, message: `not a risk domain (one of ${RISK_DOMAIN_IDS.join(', ')})` });
    else if (typeof v !== 'string' || !isRiskLevel(v))
      problems.push({ path: `${at}/map/${d}`, message: `not a common level (one of ${RISK_LEVELS.join(', ')})` });
  }
  return problems;
}

/** Checks a mapping document, naming every problem by JSON Pointer. Pure. */
export function validateRiskScale(doc: unknown): RiskScaleParse {
  const problems: FieldProblem[] = [];
  if (!isObject(doc)) return { ok: false, problems: [{ path: '', message: 'a risk-scale mapping is an object' }] };
  for (const k of ['id', 'version', 'framework', 'frameworkVersions', 'note'] as const)
    if (!text(doc[k])) problems.push({ path: `/${k}`, message: 'required text' });
  if (text(doc.id) && !/^[a-z0-9][a-z0-9-]*$/.test(doc.id)) problems.push({ path: '/id', message: 'lower-case letters, digits and hyphens' });
  if (!Array.isArray(doc.sources) || doc.sources.length === 0) problems.push({ path: '/sources', message: 'at least one source' });
  else
    doc.sources.forEach((s, i) => {
      if (!isObject(s) || !text(s.citation)) problems.push({ path: `/sources/${i}/citation`, message: 'required text' });
      else if (s.url !== undefined && !(typeof s.url === 'string' && /^https:\/\//.test(s.url)))
        problems.push({ path: `/sources/${i}/url`, message: 'an https URL' });
    });
  if (!Array.isArray(doc.levels) || doc.levels.length === 0) problems.push({ path: '/levels', message: 'at least one level' });
  else {
    const seen = new Set<string>();
    for (const [i, l] of doc.levels.entries()) problems.push(...levelProblems(l, `/levels/${i}`, seen));
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, mapping: doc as unknown as RiskScaleMapping };
}

/** What a framework label means in a domain: the common level, or why it has none. Pure. */
export function mapFrameworkLevel(
  mapping: RiskScaleMapping,
  label: string,
  domain: RiskDomain,
): { readonly ok: true; readonly level: RiskLevel } | { readonly ok: false; readonly message: string } {
  const l = mapping.levels.find((x) => x.label === label);
  if (!l) return { ok: false, message: `not a level of ${mapping.framework} (one of ${mapping.levels.map((x) => x.label).join(', ')})` };
  const level = l.map[domain];
  if (!level) return { ok: false, message: `${mapping.id}@${mapping.version} does not map "${label}" in ${domain}` };
  return { ok: true, level };
}
