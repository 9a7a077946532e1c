import { Option } from 'commander';
import { AppError } from '../../domain/errors';
import { ANONYMOUS } from '../../domain/policy/viewer';
import { CVE_ASSIGNER_SETTING, EXPORT_FORMATS, type ExportFormat, advisoryDocument } from '../../services/advisories/exports';
import { searchPublishedAdvisories } from '../../services/advisories/reads';
import type { AiscClient } from '../../client';
import { ok, remoteClient } from '../client';
import type { GlobalOptions } from '../io';
import { withLocalRuntime } from '../local';
import type { CommandModule } from './index';

/** The API's document route for each export format. */
const DOCUMENT_PATHS = {
  osv: '/api/advisories/{id}/osv',
  csaf: '/api/advisories/{id}/csaf',
  cve5: '/api/advisories/{id}/cve5',
  stix: '/api/advisories/{id}/stix',
} as const satisfies Record<ExportFormat, string>;

/** One advisory in a format, through the API. */
const remoteDocument = (client: AiscClient, id: string, format: ExportFormat): Promise<unknown> =>
  ok(client.GET(DOCUMENT_PATHS[format], { params: { path: { id } } }));

/**
 * `aisc export [ID] --format F`: one published advisory as OSV, CSAF, CVE 5 or STIX, or with
 * no id every published one, one JSON document per line. Only published advisories: exports
 * are public output (embargo safety).
 */
export const exportCommand: CommandModule = (program, io) => {
  program
    .command('export')
    .description(
      'write published advisories in an open format (one document, or NDJSON of all; advisories the format cannot express are skipped with a warning on stderr, exit 0)',
    )
    .argument('[id]', 'the advisory id; all published advisories when omitted')
    .addOption(new Option('--format <id>', 'the format').choices([...EXPORT_FORMATS]).default('osv'))
    .action(async (id: string | undefined, o: { format: ExportFormat }, cmd) => {
      const client = remoteClient(io, cmd.optsWithGlobals() as GlobalOptions);
      if (id) {
        const doc = client
          ? // Through the public route first: only a published advisory is exported (embargo safety).
            await ok(client.GET('/api/public/advisories/{id}', { params: { path: { id } } })).then(() => remoteDocument(client, id, o.format))
          : await withLocalRuntime(io, (rt) => advisoryDocument(rt.ctx, ANONYMOUS, id, o.format));
        io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
        return;
      }
      const page = 500;
      let written = 0;
      let skipped = 0;
      // One advisory the format cannot express (CVE 5 needs a CVE id) is skipped with a
      // warning and counted; it does not abort the rest (issue 9 item 21).
      const renderOrSkip = async (id: string, render: (id: string) => Promise<unknown>) => {
        try {
          io.stdout.write(`${JSON.stringify(await render(id))}\n`);
          written++;
        } catch (err) {
          // A missing setting (CVE 5 without its CNA) refuses the whole export, not each advisory.
          if (!(err instanceof AppError && err.code === 'CONFLICT') || err.details.some((d) => d.path === CVE_ASSIGNER_SETTING)) throw err;
          skipped++;
          io.stderr.write(`export: skipped ${id}: ${err.message}\n`);
        }
      };
      const each = async (get: (offset: number) => Promise<{ items: { id: string }[]; total: number }>, render: (id: string) => Promise<unknown>) => {
        for (let offset = 0; ; offset += page) {
          const r = await get(offset);
          for (const a of r.items) await renderOrSkip(a.id, render);
          if (offset + page >= r.total) break;
        }
      };
      if (client) {
        await each(
          (offset) => ok(client.GET('/api/public/advisories', { params: { query: { limit: page, offset } } })),
          (a) => remoteDocument(client, a, o.format),
        );
      } else {
        await withLocalRuntime(io, (rt) =>
          each(
            (offset) => searchPublishedAdvisories(rt.ctx, { limit: page, offset }),
            (a) => advisoryDocument(rt.ctx, ANONYMOUS, a, o.format),
          ),
        );
      }
      io.stderr.write(`export: ${written} ${o.format} document${written === 1 ? '' : 's'} written, ${skipped} skipped\n`);
    });
};
