import { readFile } from 'node:fs/promises';
import type { Schema } from '../../client';
import { AppError } from '../../domain/errors';
import { importEvaluationRun } from '../../services/frontier/evaluation-runs';
import { localSubmitter } from '../../services/intake/local-submitter';
import { remoteUpload } from '../client';
import { type CliIo, type GlobalOptions, printJson, println } from '../io';
import { withLocalRuntime } from '../local';

export interface InspectImportOptions {
  readonly checkpoint?: string | undefined;
  readonly name?: string | undefined;
  readonly as?: string | undefined;
  /** The assessment engagement the run is evidence for. */
  readonly engagement?: string | undefined;
}

/** The file's bytes as they are (an .eval is a zip: never read it as text), or stdin's for `-`. */
async function bytesOf(io: CliIo, file: string): Promise<Buffer> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks);
  }
  try {
    return await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR')
      throw new AppError('NOT_FOUND', `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : 'is a directory'}`);
    throw err;
  }
}

type Run = Schema<'EvaluationRun'>;

const metricsLine = (run: Run) =>
  run.scores
    .map(
      (s) =>
        `${s.name}: ${Object.entries(s.metrics)
          .map(([k, v]) => `${k}=${v ?? '—'}`)
          .join(', ')}`,
    )
    .join('; ') || 'no scores';

/**
 * `aisc import --format inspect FILE --checkpoint ID`: an Inspect evaluation log (.json or .eval)
 * as a run of a model checkpoint — locally as `--as EMAIL`, or to a server with --server/--token;
 * `--engagement ID` makes it evidence of an assessment engagement (linked in the same transaction).
 * The same file again is answered with the run imported before.
 */
export async function importInspect(io: CliIo, g: GlobalOptions, file: string, o: InspectImportOptions): Promise<void> {
  if (!o.checkpoint) throw new AppError('VALIDATION', 'Say which checkpoint the log tested: --checkpoint ID', [{ path: '/checkpointId', message: 'required' }]);
  const bytes = await bytesOf(io, file);
  const query: Record<string, string> = {
    checkpointId: o.checkpoint,
    ...(o.name ? { name: o.name } : {}),
    ...(o.engagement ? { engagementId: o.engagement } : {}),
  };
  // the body is the file itself; the server reads its format from the bytes
  const sent = await remoteUpload(io, g, 'api/frontier/evaluation-runs', query, Uint8Array.from(bytes), 'application/octet-stream');
  let run: Run;
  let created: boolean;
  if (sent) {
    run = sent.body as Run;
    created = sent.status === 201;
  } else {
    if (!o.as) throw new AppError('VALIDATION', 'Locally, say who imports: --as EMAIL', [{ path: '/as', message: 'required without --server' }]);
    const r = await withLocalRuntime(io, async (rt) =>
      importEvaluationRun(rt.ctx, await localSubmitter(rt.ctx, o.as!), { checkpointId: o.checkpoint!, bytes, name: o.name, engagementId: o.engagement }),
    );
    run = r.run;
    created = r.created;
  }
  if (g.json) return printJson(io, { created, run });
  println(
    io,
    `${created ? 'imported' : 'already imported'}: run ${run.id} (${run.task} on ${run.evalModel}, ${run.status}, ${run.samples.completed}/${run.samples.total} samples) — ${metricsLine(run)}`,
  );
}
