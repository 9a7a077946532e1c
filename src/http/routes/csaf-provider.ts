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
  const schema = (summary: string, extra: object = {}) => ({ schema: { tags, summary, security: [], ...extra } });
  app.get(`${CSAF_BASE}/provider-metadata.json`, schema('CSAF provider metadata (§7.1.7)'), async () => providerMetadata(ctx, await entries()));
  app.get(`${CSAF_CLEAR_DIR}/index.txt`, schema('Every document path (§7.1.12)'), async (_req, reply) =>
    reply.type('text/plain; charset=utf-8').send(indexTxt(await entries())),
  );
  app.get(`${CSAF_CLEAR_DIR}/changes.csv`, schema('Paths and current release dates, newest first (§7.1.13)'), async (_req, reply) =>
    reply.type('text/csv; charset=utf-8').send(changesCsv(await entries())),
  );
  app.get(`${CSAF_CLEAR_DIR}/${CSAF_FEED_FILE}`, schema('ROLIE feed of the TLP:WHITE documents (§7.1.15)'), async () => rolieFeed(ctx, await entries()));
  app.get(
    `${CSAF_CLEAR_DIR}/:year/:file`,
    {
      schema: {
        tags,
        summary: 'One CSAF document, or its .sha256 / .sha512 file (§5.1, §7.1.11, §7.1.18)',
        security: [],
        params: z.strictObject({ year: z.string().regex(/^\d{4}$/), file: z.string().max(300) }),
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
