import { CONTACT_SCHEMES, linkProblem } from '../../domain/advisory/links';
import type { FieldProblem } from '../../domain/errors';
import type { OsvRecord } from '../../standards/osv/index';

/**
 * An imported record without the links we do not publish (domain/advisory/links.ts), and
 * one warning per dropped link. Dropped rather than refused: a real record with one odd
 * link (PyPA has a `ttps://` reference) is still worth serving, and the link is the only
 * part that could hurt a reader (ADR 0021). The source hash stays the source's, so
 * re-importing the same record still changes nothing.
 */
export function withoutUnsafeLinks(r: OsvRecord): { record: OsvRecord; dropped: FieldProblem[] } {
  const dropped: FieldProblem[] = [];
  const keep = (url: string, path: string, schemes?: readonly string[]) => {
    const problem = linkProblem(url, schemes);
    if (problem) dropped.push({ path, message: `${problem}; dropped from the published record` });
    return !problem;
  };
  const references = r.references?.filter((ref, i) => keep(ref.url, `/references/${i}/url`));
  const credits = r.credits?.map((c, i) =>
    c.contact ? { ...c, contact: c.contact.filter((u, j) => keep(u, `/credits/${i}/contact/${j}`, CONTACT_SCHEMES)) } : c,
  );
  if (dropped.length === 0) return { record: r, dropped };
  return { record: { ...r, ...(references ? { references } : {}), ...(credits ? { credits } : {}) }, dropped };
}
