import { Option } from 'commander';
import { ANONYMOUS } from '../../domain/policy/viewer';
import { EXPORT_FORMATS, type ExportFormat, advisoryDocument } from '../../services/advisories/exports';
import { searchPublishedAdvisories } from '../../services/advisories/reads';
import { remoteClient } from '../client';
import type { GlobalOptions } from '../io';
import { withLocalRuntime } from '../local';
import type { CommandModule } from './index';

/**
 * `aisc export [ID] --format F`: one published advisory as OSV, CSAF, CVE 5 or STIX, or with
 * no id every published one, one JSON document per line. Only published advisories: exports
 * are public output (embargo safety).
 */
export const exportCommand: CommandModule = (program, io) => {
  program
    .command('export')
    .description('write published advisories in an open format (one document, or NDJSON of all)')
    .argument('[id]', 'the advisory id; all published advisories when omitted')
    .addOption(new Option('--format <id>', 'the format').choices([...EXPORT_FORMATS]).default('osv'))
    .action(async (id: string | undefined, o: { format: ExportFormat }, cmd) => {
      const client = remoteClient(io, cmd.optsWithGlobals() as GlobalOptions);
      if (id) {
        const doc = client
          ? await client.request('GET', `/api/public/advisories/${encodeURIComponent(id)}`).then(() => client.request('GET', `/api/advisories/${encodeURIComponent(id)}/${o.format}`))
          : await withLocalRuntime(io, (rt) => advisoryDocument(rt.ctx, ANONYMOUS, id, o.format));
        io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
        return;
      }
      const page = 500;
      const each = async (get: (offset: number) => Promise<{ items: { id: string }[]; total: number }>, render: (id: string) => Promise<unknown>) => {
        for (let offset = 0; ; offset += page) {
          const r = await get(offset);
          for (const a of r.items) io.stdout.write(`${JSON.stringify(await render(a.id))}\n`);
          if (offset + page >= r.total) break;
        }
      };
      if (client) {
        await each(
          (offset) => client.request(`GET`, `/api/public/advisories?limit=${page}&offset=${offset}`),
          (a) => client.request('GET', `/api/advisories/${encodeURIComponent(a)}/${o.format}`),
        );
      } else {
        await withLocalRuntime(io, (rt) => each((offset) => searchPublishedAdvisories(rt.ctx, { limit: page, offset }), (a) => advisoryDocument(rt.ctx, ANONYMOUS, a, o.format)));
      }
    });
};
