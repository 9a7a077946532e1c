import { Option } from 'commander';
import type { ImportResult } from '../../services/advisories/import';
import { importAdvisoriesLocally } from '../../services/advisories/import';
import {
  IMPORT_FORMATS,
  type ImportDocument,
  type ImportFormat,
  importDocumentsOf,
  importFormatOf,
  readImportFile,
  unreadable,
} from '../../services/advisories/import-read';
import type { AiscClient } from '../../client';
import { ok, remoteClient } from '../client';
import { printJson, println, type CliIo, type GlobalOptions } from '../io';
import { withLocalRuntime } from '../local';
import type { CommandModule } from './index';
import { readInput } from './validate';
import { importInspect, type InspectImportOptions } from './import-inspect';

const CHUNK_BYTES = 512 * 1024;
const CHUNK_DOCS = 1000;

/** Sends documents to the server's import endpoint in chunks under its body limit. */
async function importRemotely(io: CliIo, client: AiscClient, docs: readonly ImportDocument[], format: ImportFormat): Promise<ImportResult> {
  const total: ImportResult = { created: 0, revised: 0, unchanged: 0, rejected: 0, rejections: docs.filter((d) => d.problem).map(unreadable), warnings: [] };
  total.rejected = total.rejections.length;
  const readable = docs.filter((d) => !d.problem);
  for (let i = 0; i < readable.length; ) {
    const chunk: ImportDocument[] = [];
    let bytes = 0;
    while (i < readable.length && chunk.length < CHUNK_DOCS && (chunk.length === 0 || bytes < CHUNK_BYTES)) {
      bytes += JSON.stringify(readable[i]!.value).length;
      chunk.push(readable[i++]!);
    }
    const r = await ok(client.POST('/api/advisories/import', { body: { format, documents: chunk.map((d) => d.value) } }));
    total.created += r.created;
    total.revised += r.revised;
    total.unchanged += r.unchanged;
    total.rejected += r.rejected;
    // the server locates items by their index in the chunk: give them back their place in the file
    const place = (location: string) => location.replace(/^\/(\d+)/, (_, k: string) => chunk[Number(k)]?.location ?? `/${k}`);
    for (const x of r.rejections) total.rejections.push({ ...x, location: place(x.location) });
    for (const x of r.warnings) total.warnings.push({ ...x, location: place(x.location) });
    io.stderr.write(`import: ${i}/${readable.length} documents sent\n`);
  }
  return total;
}

/** `aisc import FILE [--format osv|csaf|cve5]`: published advisories from other sources, idempotently. */
export const importCommand: CommandModule = (program, io) => {
  program
    .command('import')
    .description(
      'import published advisories (OSV, CSAF 2.0, CVE JSON 5; NDJSON, a JSON array or one document) as TLP:CLEAR, or with --format inspect an Inspect evaluation log (.json or .eval) as a run of --checkpoint; re-importing changes nothing',
    )
    .argument('<file>', 'the file, or - for stdin')
    .addOption(new Option('--format <id>', 'the format (detected when omitted; inspect must be named)').choices([...IMPORT_FORMATS, 'inspect']))
    .option('--checkpoint <id>', 'inspect: the model checkpoint the evaluation tested')
    .option('--name <name>', "inspect: the run's name")
    .option('--as <email>', 'inspect, locally: the user who imports')
    .option('--engagement <id>', 'inspect: the assessment engagement the run is evidence for')
    .action(async (file: string, o: { format?: ImportFormat | 'inspect' } & InspectImportOptions, cmd) => {
      const g = cmd.optsWithGlobals() as GlobalOptions;
      if (o.format === 'inspect') return importInspect(io, g, file, o);
      const text = await readInput(io, file);
      const started = performance.now();
      const client = remoteClient(io, g);
      let result: ImportResult;
      if (client) {
        const docs = importDocumentsOf(text);
        result = await importRemotely(io, client, docs, importFormatOf(docs, o.format));
      } else {
        const { items } = readImportFile(text, o.format);
        result = await withLocalRuntime(io, (rt) =>
          importAdvisoriesLocally(rt.ctx, items, (done, total) => io.stderr.write(`import: ${done}/${total} records\n`)),
        );
      }
      const seconds = (performance.now() - started) / 1000;
      if (g.json) return printJson(io, { ...result, seconds });
      println(
        io,
        `imported: ${result.created} created, ${result.revised} revised, ${result.unchanged} unchanged, ${result.rejected} rejected (${seconds.toFixed(1)} s)`,
      );
      for (const r of result.warnings)
        println(io, `imported ${r.location}${r.id ? ` (${r.id})` : ''} without: ${r.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
      for (const r of result.rejections)
        println(io, `rejected ${r.location}${r.id ? ` (${r.id})` : ''}: ${r.problems.map((p) => `${p.path || '/'} ${p.message}`).join('; ')}`);
    });
};
