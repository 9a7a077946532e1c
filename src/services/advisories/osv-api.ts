import { AppError, notFound } from '../../domain/errors';
import { ANONYMOUS } from '../../domain/policy/viewer';
import type { OsvRecord } from '../../standards/osv/index';
import { parsePurl } from '../../standards/purl/index';
import { findPublishedAdvisory, publishedAdvisoriesByIds } from '../../store/advisories/queries';
import type { ServiceContext } from '../context';
import { packageOf } from '../../domain/advisory/content-rules';
import { aiscIdOf, osvIdOf, osvRecordOut } from './osv-ids';
import type { OsvHit, OsvIndex } from './osv-index';

/** OSV.dev's query object (https://google.github.io/osv.dev/post-v1-query/). */
export interface OsvQuery {
  readonly commit?: string | undefined;
  readonly version?: string | undefined;
  readonly package?: { readonly name?: string | undefined; readonly ecosystem?: string | undefined; readonly purl?: string | undefined } | undefined;
  readonly page_token?: string | undefined;
}

/** Results per query before a `next_page_token` is given (OSV.dev pages large answers too). */
export const OSV_PAGE_SIZE = 1000;
export const OSV_BATCH_MAX = 1000;

/** The full OSV record of a published advisory (withdrawn ones too, with `withdrawn` set). */
export async function osvVulnerability(ctx: ServiceContext, id: string): Promise<OsvRecord> {
  const a = await findPublishedAdvisory(ctx.db, ANONYMOUS, aiscIdOf(id, ctx.config.osvIdPrefix));
  if (!a) throw notFound('Vulnerability');
  return osvRecordOut(a.osv as OsvRecord, ctx.config.osvIdPrefix);
}

const bad = (path: string, message: string) => new AppError('VALIDATION', message, [{ path, message }]);

/** Page tokens are opaque to clients: the offset of the next page, base64url. */
const tokenFor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');
function offsetOf(token: string | undefined, path: string): number {
  if (!token) return 0;
  const m = /^o:(\d+)$/.exec(Buffer.from(token, 'base64url').toString());
  if (!m) throw bad(path, 'invalid page_token');
  return Number(m[1]);
}

/** Every hit of one query, in id order, with the rules OSV.dev documents for the parameters. */
export function matchQuery(index: OsvIndex, q: OsvQuery, path = ''): OsvHit[] {
  if (q.commit !== undefined) {
    if (q.version !== undefined) throw bad(`${path}/version`, 'give a commit or a version, not both');
    return index.matchCommit(q.commit);
  }
  const p = q.package;
  if (!p) throw bad(`${path}/package`, 'a query needs a package (name and ecosystem, or purl) or a commit');
  if (p.purl) {
    if (p.name || p.ecosystem) throw bad(`${path}/package`, 'give a purl or a name and ecosystem, not both');
    let purl: ReturnType<typeof parsePurl>;
    let pkg: ReturnType<typeof packageOf>;
    try {
      purl = parsePurl(p.purl);
      pkg = packageOf({ purl: p.purl });
    } catch (err) {
      throw bad(`${path}/package/purl`, err instanceof Error ? err.message : 'invalid purl');
    }
    if (purl.version && q.version !== undefined) throw bad(`${path}/version`, 'the purl already names a version');
    return pkg ? index.matchPackage(pkg.ecosystem, pkg.name, purl.version ?? q.version) : [];
  }
  if (!p.name) throw bad(`${path}/package/name`, 'a package is named by name and ecosystem, or by purl');
  if (!p.ecosystem) throw bad(`${path}/package/ecosystem`, 'give the ecosystem of the package');
  return index.matchPackage(p.ecosystem, p.name, q.version);
}

/** One page of a query's hits and the token of the next page, if any. */
function pageOf(hits: OsvHit[], token: string | undefined, path: string): { hits: OsvHit[]; next?: string } {
  const offset = offsetOf(token, `${path}/page_token`);
  const page = hits.slice(offset, offset + OSV_PAGE_SIZE);
  return offset + OSV_PAGE_SIZE < hits.length ? { hits: page, next: tokenFor(offset + OSV_PAGE_SIZE) } : { hits: page };
}

/** `POST /v1/query`: full records of the matching published advisories; `{}` when there are none. */
export async function osvQuery(ctx: ServiceContext, index: OsvIndex, q: OsvQuery): Promise<{ vulns?: OsvRecord[]; next_page_token?: string }> {
  const { hits, next } = pageOf(matchQuery(index, q), q.page_token, '');
  if (hits.length === 0) return {};
  // Full documents from the database (the truth), kept in the index's order; anything the
  // database no longer publishes is dropped.
  const rows = new Map(
    (
      await publishedAdvisoriesByIds(
        ctx.db,
        ANONYMOUS,
        hits.map((h) => h.id),
      )
    ).map((r) => [r.id, r.osv as OsvRecord]),
  );
  const vulns = hits
    .map((h) => rows.get(h.id))
    .filter((r): r is OsvRecord => r !== undefined && !r.withdrawn)
    .map((r) => osvRecordOut(r, ctx.config.osvIdPrefix));
  return { ...(vulns.length ? { vulns } : {}), ...(next ? { next_page_token: next } : {}) };
}

/** A hit as served: its own ids under the deployment's prefix; made once per hit, kept on it. */
function servedHit(h: OsvHit, prefix: string): OsvHit {
  if (h.served?.prefix !== prefix) h.served = { prefix, hit: { id: osvIdOf(h.id, prefix), modified: h.modified } };
  return h.served.hit;
}

/** `POST /v1/querybatch`: per query, in order, `{vulns: [{id, modified}]}` or `{}`. */
export function osvQueryBatch(index: OsvIndex, queries: readonly OsvQuery[], prefix: string): { results: { vulns?: OsvHit[]; next_page_token?: string }[] } {
  if (queries.length > OSV_BATCH_MAX) throw bad('/queries', `at most ${OSV_BATCH_MAX} queries per batch`);
  return {
    results: queries.map((q, i) => {
      const { hits, next } = pageOf(matchQuery(index, q, `/queries/${i}`), q.page_token, `/queries/${i}`);
      const vulns = hits.map((h) => servedHit(h, prefix));
      return { ...(vulns.length ? { vulns } : {}), ...(next ? { next_page_token: next } : {}) };
    }),
  };
}
