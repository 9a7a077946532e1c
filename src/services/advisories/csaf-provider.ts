import { createHash } from 'node:crypto';
import { csafFileName, csafYearOf } from '../../domain/advisory/csaf-names';
import { notFound } from '../../domain/errors';
import { ANONYMOUS } from '../../domain/policy/viewer';
import { serializeCsaf } from '../../standards/csaf/index';
import type { OsvRecord } from '../../standards/osv/index';
import { findPublishedAdvisory, publishedAdvisoriesByLowerId, publishedAdvisorySummaries, revisionsOf } from '../../store/advisories/queries';
import type { ServiceContext } from '../context';
import { csafEntryOf, type CsafEntry } from './csaf-entries';
import { csafOf, csafPublisherOf } from './exports';

/** Where the TLP:CLEAR (CSAF 2.0: WHITE) documents live, under /.well-known/csaf (§7.1.9). */
export const CSAF_BASE = '/.well-known/csaf';
export const CSAF_CLEAR_DIR = `${CSAF_BASE}/clear`;
export const CSAF_FEED_FILE = 'csaf-feed-tlp-white.json';

export type { CsafEntry } from './csaf-entries';

/**
 * Every published advisory as a provider entry, newest change first, read from the
 * database. The routes serve the kept-current copy (`PublishedIndex.csaf`, ADR 0024); this
 * full read is its reference and the fallback for a document path no id lookup finds.
 */
export async function csafEntries(ctx: ServiceContext): Promise<CsafEntry[]> {
  return (await publishedAdvisorySummaries(ctx.db, ANONYMOUS)).map(csafEntryOf);
}

/** CSAF 2.0 §7.1.7 provider-metadata.json: directory and ROLIE distribution of the CLEAR documents. */
export async function providerMetadata(ctx: ServiceContext, entries?: readonly CsafEntry[]) {
  const base = ctx.config.publicUrl;
  const latest = (entries ?? (await csafEntries(ctx)))[0]?.current;
  return {
    canonical_url: `${base}${CSAF_BASE}/provider-metadata.json`,
    distributions: [
      {
        directory_url: `${base}${CSAF_CLEAR_DIR}/`,
        rolie: {
          feeds: [
            {
              summary: 'All TLP:WHITE (TLP 2.0 CLEAR) advisories of the AI Security Clearinghouse.',
              tlp_label: 'WHITE',
              url: `${base}${CSAF_CLEAR_DIR}/${CSAF_FEED_FILE}`,
            },
          ],
        },
      },
    ],
    last_updated: latest ?? new Date(0).toISOString(),
    list_on_CSAF_aggregators: true,
    metadata_version: '2.0',
    mirror_on_CSAF_aggregators: true,
    publisher: csafPublisherOf(ctx),
    role: 'csaf_provider',
  };
}

/** CSAF 2.0 §7.1.12 index.txt: one path per line, relative to the directory. */
export const indexTxt = (entries: readonly CsafEntry[]): string => entries.map((e) => `${e.path}\n`).join('');

/** CSAF 2.0 §7.1.13 changes.csv: `"path","current_release_date"`, newest first. */
export const changesCsv = (entries: readonly CsafEntry[]): string => entries.map((e) => `"${e.path}","${e.current}"\n`).join('');

/** CSAF 2.0 §7.1.15 ROLIE feed (RFC 8322) of the TLP:WHITE documents, in its JSON form. */
export function rolieFeed(ctx: ServiceContext, entries: readonly CsafEntry[]) {
  const dir = `${ctx.config.publicUrl}${CSAF_CLEAR_DIR}`;
  return {
    feed: {
      id: 'aisc-csaf-feed-tlp-white',
      title: 'AI Security Clearinghouse CSAF feed (TLP:WHITE)',
      link: [{ rel: 'self', href: `${dir}/${CSAF_FEED_FILE}` }],
      category: [{ scheme: 'urn:ietf:params:rolie:category:information-type', term: 'csaf' }],
      updated: entries[0]?.current ?? new Date(0).toISOString(),
      entry: entries.map((e) => ({
        id: e.id,
        title: e.title,
        link: [
          { rel: 'self', href: `${dir}/${e.path}` },
          { rel: 'hash', href: `${dir}/${e.path}.sha256` },
          { rel: 'hash', href: `${dir}/${e.path}.sha512` },
        ],
        published: e.initial,
        updated: e.current,
        content: { type: 'application/json', src: `${dir}/${e.path}` },
        format: { schema: 'https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json', version: '2.0' },
      })),
    },
  };
}

/**
 * The text of one CSAF document by its provider path (`YYYY/<file>.json`), or NOT_FOUND —
 * also for a path whose year or name does not match (§5.1, §7.1.11), and for anything
 * unpublished: it is looked up as the public sees it.
 */
export async function csafDocumentText(ctx: ServiceContext, year: string, fileName: string): Promise<string> {
  const stem = fileName.replace(/\.json$/, '');
  let a = (await publishedAdvisoriesByLowerId(ctx.db, ANONYMOUS, stem)).find((r) => csafFileName(r.id) === fileName) ?? null;
  if (!a) {
    // ids whose file name is not simply lower-case (other characters became `_`): find it by its entry.
    const entry = (await csafEntries(ctx)).find((e) => e.path === `${year}/${fileName}`);
    a = entry ? await findPublishedAdvisory(ctx.db, ANONYMOUS, entry.id) : null;
  }
  if (!a || csafYearOf(a.publishedAt!.toISOString()) !== year || csafFileName(a.id) !== fileName) throw notFound('CSAF document');
  return serializeCsaf(csafOf(ctx, a.osv as OsvRecord, await revisionsOf(ctx.db, ANONYMOUS, a.id)));
}

/** CSAF 2.0 §7.1.18: `<hex>  <file name>` as sha256sum / sha512sum write it. */
export function hashFile(text: string, algorithm: 'sha256' | 'sha512', fileName: string): string {
  return `${createHash(algorithm).update(text, 'utf8').digest('hex')}  ${fileName}\n`;
}
