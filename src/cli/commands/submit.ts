import type { Command } from 'commander';
import { AppError } from '../../domain/errors';
import { AUTONOMY_LEVELS, FINDER_KINDS } from '../../domain/intake/finding';
import { type DocumentKind, type DocumentProvenance, findingsFromDocument } from '../../services/intake/documents';
import { emptySummary, count, type ItemResult, type SubmissionSummary } from '../../services/intake/results';
import { submitStream } from '../../services/intake/submit';
import { localSubmitter } from '../../services/intake/local-submitter';
import type { Middleware } from 'openapi-fetch';
import type { AiscClient } from '../../client';
import { problemError, remoteClient } from '../client';
import { type CliIo, type GlobalOptions, printJson, println } from '../io';
import { withLocalRuntime } from '../local';
import type { CommandModule } from './index';
import { readInput } from './validate';

interface SubmitOpts {
  format?: DocumentKind;
  finderKind?: 'human' | 'ai' | 'hybrid';
  model?: string;
  modelVersion?: string;
  autonomy?: DocumentProvenance['autonomy'];
  purl?: string;
  as?: string;
  idempotencyKey?: string;
}

const progress = (io: CliIo, s: SubmissionSummary, total: number) =>
  io.stderr.write(`\rsubmitted ${s.received}/${total}: ${s.accepted} accepted, ${s.duplicate} duplicate, ${s.rejected} rejected`);

/**
 * The batch route reads its body as a raw stream (JSON array or NDJSON), so the contract
 * declares no JSON body for it: the NDJSON text is attached to the client's request here,
 * after the client has added the token and built the URL.
 */
const ndjsonBody = (items: readonly unknown[]): Middleware => ({
  onRequest: ({ request }) => new Request(request, { body: items.map((i) => JSON.stringify(i)).join('\n') }),
});

/** One line of the NDJSON answer: an item's result, the closing summary, or a problem that ended the stream. */
type AnswerLine = ItemResult | { summary: unknown } | { error: unknown };

/** Streams the items to a server's bulk endpoint and reads its NDJSON answers as they come. */
async function submitRemote(client: AiscClient, items: readonly unknown[], key: string | undefined, onResults: (r: ItemResult[]) => void): Promise<void> {
  const { data, error, response } = await client.POST('/api/findings/batch', {
    headers: { 'content-type': 'application/x-ndjson', accept: 'application/x-ndjson', ...(key ? { 'idempotency-key': key } : {}) },
    parseAs: 'stream',
    middleware: [ndjsonBody(items)],
  });
  if (!response.ok || !data) throw problemError(error, response);
  const reader = data.getReader();
  const decoder = new TextDecoder();
  let rest = '';
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    rest += decoder.decode(read.value, { stream: true });
    const lines = rest.split('\n');
    rest = lines.pop()!;
    const results: ItemResult[] = [];
    for (const text of lines.filter((l) => l.trim())) {
      const line = JSON.parse(text) as AnswerLine;
      if ('status' in line) results.push(line);
      else if ('error' in line) {
        // The server stopped mid-stream: count the answers given before it, then report its problem like any other.
        onResults(results);
        throw problemError(line.error, response);
      }
    }
    onResults(results);
  }
}

/**
 * `aisc submit FILE`: submits findings from AISC finding JSON/NDJSON, SARIF 2.1.0, OSV, CSAF
 * 2.0 or CVE JSON 5, locally (as `--as EMAIL`) or to a server (`--server URL --token T`),
 * with a progress line on stderr and a summary (or every per-item answer with --json).
 */
export const submitCommand: CommandModule = (program: Command, io: CliIo) => {
  program
    .command('submit')
    .description('submit findings (AISC JSON/NDJSON, SARIF, OSV, CSAF, CVE 5) and print each one’s answer; exits 3 when any item was rejected')
    .argument('<file>', 'the document, or - for stdin')
    .option('--format <kind>', 'aisc | sarif | osv | csaf | cve5 (detected when absent)')
    .option('--finder-kind <kind>', `who found them when the document does not say: ${FINDER_KINDS.join(', ')} (default: ai with --model, else human)`)
    .option('--model <name>', 'the AI model that found them')
    .option('--model-version <version>', 'its version')
    .option('--autonomy <level>', `how autonomously: ${AUTONOMY_LEVELS.join(', ')}`)
    .option('--purl <purl>', 'the product SARIF results are about')
    .option('--as <email>', 'locally: the user who submits')
    .option('--idempotency-key <key>', 'makes a retry of the same file create nothing new')
    .action(async (file: string, opts: SubmitOpts, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const provenance: DocumentProvenance = {
        // A model named without a finder kind found them itself (the README's example did this).
        finderKind: opts.finderKind ?? (opts.model ? 'ai' : 'human'),
        ...(opts.model ? { model: { name: opts.model, ...(opts.modelVersion ? { version: opts.modelVersion } : {}) } } : {}),
        ...(opts.autonomy ? { autonomy: opts.autonomy } : {}),
        ...(opts.purl ? { purl: opts.purl } : {}),
      };
      const { kind, items } = findingsFromDocument(await readInput(io, file), provenance, opts.format);
      const results: ItemResult[] = [];
      const summary = emptySummary();
      let progressShown = false;
      const onResults = (r: readonly ItemResult[]) => {
        progressShown = true;
        results.push(...r);
        count(summary, r);
        progress(io, summary, items.length);
      };
      const client = remoteClient(io, globals);
      try {
        if (client) await submitRemote(client, items, opts.idempotencyKey, onResults);
        else {
          if (!opts.as) throw new AppError('VALIDATION', 'Locally, say who submits: --as EMAIL', [{ path: '/as', message: 'required without --server' }]);
          await withLocalRuntime(io, async (rt) => {
            const p = await localSubmitter(rt.ctx, opts.as!);
            async function* raw() {
              for (const [index, value] of items.entries()) yield { index, value };
            }
            await submitStream(rt.ctx, p, raw(), { requestKey: opts.idempotencyKey ?? null, source: kind === 'aisc' ? 'cli' : kind, onResults });
          });
        }
      } finally {
        // Ends the progress line, so an error is a line of its own.
        if (progressShown) io.stderr.write('\n');
      }
      if (globals.json) printJson(io, { format: kind, summary, items: results });
      else {
        println(
          io,
          `${kind}: ${summary.received} findings: ${summary.accepted} accepted, ${summary.duplicate} duplicate, ${summary.rejected} rejected${summary.replayed ? ` (${summary.replayed} already submitted)` : ''}`,
        );
        for (const r of results.filter((x) => x.status === 'rejected').slice(0, 20))
          println(io, `  item ${r.index}: ${r.code}: ${(r.problems ?? []).map((p) => `${p.path || '/'} ${p.message}`).join('; ')}`);
      }
      // Exit 3 when anything was rejected, so a script never takes a partial submission for a whole one.
      if (summary.rejected > 0) throw new AppError('VALIDATION', `${summary.rejected} of ${summary.received} findings rejected (the others were stored)`);
    });
};
