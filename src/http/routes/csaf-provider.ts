import { z } from 'zod';
import {
  CSAF_BASE,
  CSAF_CLEAR_DIR,
  CSAF_FEED_FILE,
  changesCsv,
  csafDocumentText,
  hashFile,
  indexTxt,
  providerMetadata,
  rolieFeed,
} from '../../services/advisories/csaf-provider';
import { AppError } from '../../domain/errors';
import type { App, AppDeps } from '../app';
import { errors } from '../schemas';
import { EXPORT_DOCUMENTS } from './advisory-schemas';

/** CSAF 2.0 §7.1.7 and RFC 8322 (ROLIE): documents whose shape their standards define (ADR 0060). */
const ProviderMetadata = z.record(z.string(), z.unknown()).meta({ id: 'CsafProviderMetadata', description: 'CSAF 2.0 provider metadata (§7.1.7)' });
const RolieFeed = z.record(z.string(), z.unknown()).meta({ id: 'RolieFeed', description: 'A ROLIE feed (RFC 8322, CSAF 2.0 §7.1.15)' });

const DOC = /^([+\-a-z0-9_]+\.json)(\.sha256|\.sha512)?$/;

/**
 * The CSAF 2.0 provider (§7): provider metadata, the TLP:WHITE (TLP 2.0 CLEAR) directory
 * with per-year folders, index.txt, changes.csv, the ROLIE feed and hash files. Public, of
 * the published advisories only; the lists come from the process's kept-current index of
 * published advisories (ADR 0024), the documents from the database.
 */
export function csafProviderRoutes(app: App, { ctx }: AppDeps): void {
  const entries = async () => {
    await ctx.published.ready();
    return ctx.published.csaf.list();
  };
  const tags = ['csaf'];
  const text = (contentType: string, description: string) => ({ description, content: { [contentType]: { schema: z.string() } } });
  app.get(
    `${CSAF_BASE}/provider-metadata.json`,
    { schema: { tags, summary: 'CSAF provider metadata (§7.1.7)', security: [], response: { 200: ProviderMetadata } } },
    async () => providerMetadata(ctx, await entries()),
  );
  app.get(
    `${CSAF_CLEAR_DIR}/index.txt`,
    { schema: { tags, summary: 'Every document path (§7.1.12)', security: [], response: { 200: text('text/plain', 'One path per line') } } },
    async (_req, reply) => reply.type('text/plain; charset=utf-8').send(indexTxt(await entries())),
  );
  app.get(
    `${CSAF_CLEAR_DIR}/changes.csv`,
    {
      schema: { tags, summary: 'Paths and current release dates, newest first (§7.1.13)', security: [], response: { 200: text('text/csv', 'path,date rows') } },
    },
    async (_req, reply) => reply.type('text/csv; charset=utf-8').send(changesCsv(await entries())),
  );
  app.get(
    `${CSAF_CLEAR_DIR}/${CSAF_FEED_FILE}`,
    { schema: { tags, summary: 'ROLIE feed of the TLP:WHITE documents (§7.1.15)', security: [], response: { 200: RolieFeed } } },
    async () => rolieFeed(ctx, await entries()),
  );
  app.get(
    `${CSAF_CLEAR_DIR}/:year/:file`,
    {
      schema: {
        tags,
        summary: 'One CSAF document, or its .sha256 / .sha512 file (§5.1, §7.1.11, §7.1.18)',
        security: [],
        params: z.strictObject({ year: z.string().regex(/^\d{4}$/), file: z.string().max(300) }),
        response: {
          200: {
            description: 'The document as published (JSON), or its hash file (text)',
            content: { 'application/json': { schema: EXPORT_DOCUMENTS.csaf }, 'text/plain': { schema: z.string() } },
          },
          ...errors(404),
        },
      },
    },
    async (req, reply) => {
      const m = DOC.exec(req.params.file);
      if (!m) throw new AppError('NOT_FOUND', 'CSAF document not found');
      const text = await csafDocumentText(ctx, req.params.year, m[1]!);
      if (!m[2]) return reply.type('application/json').send(text);
      return reply.type('text/plain; charset=utf-8').send(hashFile(text, m[2] === '.sha256' ? 'sha256' : 'sha512', m[1]!));
    },
  );
}
