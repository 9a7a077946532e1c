import type { FastifyReply } from 'fastify';
import { compareEvaluationRuns } from '../../services/frontier/evaluation-compare';
import { evaluationRunLog, getEvaluationRun, importEvaluationRun, listEvaluationRuns } from '../../services/frontier/evaluation-runs';
import type { App, AppDeps } from '../app';
import { principal, viewer } from '../auth';
import { attachmentDisposition } from '../content-disposition';
import { errors, IdParams } from '../schemas';
import {
  CompareQuery,
  EvaluationComparison,
  EvaluationRun,
  EvaluationRunPage,
  ImportQuery,
  LOG_MEDIA_TYPES,
  LogContent,
  RunFilterQuery,
} from './frontier-evaluations-schemas';

/**
 * Pre-deployment test evidence (issue 12, ADR 0102): Inspect evaluation logs imported as runs
 * of a model checkpoint, listed, read, downloaded as uploaded, and compared across checkpoints.
 * The upload is the log file itself as the body, so this scope reads every log media type
 * (JSON included) as raw bytes, under its own size limit.
 */
export function frontierEvaluationRoutes(app: App, { ctx }: AppDeps): void {
  const tags = ['frontier-evaluations'];
  app.addContentTypeParser([...LOG_MEDIA_TYPES], { parseAs: 'buffer', bodyLimit: ctx.config.inspectLogLimitBytes }, (_req, body, done) => done(null, body));
  app.post(
    '/api/frontier/evaluation-runs',
    {
      bodyLimit: ctx.config.inspectLogLimitBytes,
      schema: {
        tags,
        summary: 'Import an Inspect evaluation log (.json or .eval) as a run of a checkpoint',
        description:
          'The body is the log file as it is (`application/json` for a .json log; `application/zip` or `application/octet-stream` for an .eval); the format is read from the bytes. Stored once by content hash: the same bytes again answer 200 with the run you already see. Problems of the log are named under `/log`.',
        querystring: ImportQuery,
        consumes: [...LOG_MEDIA_TYPES],
        response: { 200: EvaluationRun, 201: EvaluationRun, ...errors(400, 401, 403, 413, 415) },
      },
    },
    async (req, reply) => {
      const p = principal(req, 'write');
      // Our parser gives bytes; a text/plain body arrives as a string from Fastify's own parser.
      const bytes = Buffer.isBuffer(req.body) ? req.body : typeof req.body === 'string' ? Buffer.from(req.body, 'utf8') : Buffer.alloc(0);
      const { run, created } = await importEvaluationRun(ctx, p, { ...req.query, bytes });
      return reply.code(created ? 201 : 200).send(run);
    },
  );
  app.get(
    '/api/frontier/evaluation-runs',
    {
      schema: {
        tags,
        summary: 'Evaluation runs you may see, newest first (keyset pages: pass `next` as `after`)',
        querystring: RunFilterQuery,
        response: { 200: EvaluationRunPage, ...errors(400) },
      },
    },
    async (req) => listEvaluationRuns(ctx, viewer(req), req.query),
  );
  app.get(
    '/api/frontier/evaluation-runs/compare',
    {
      schema: {
        tags,
        summary: "One task's metrics across a model's checkpoints (the newest run of each)",
        querystring: CompareQuery,
        response: { 200: EvaluationComparison, ...errors(400, 404) },
      },
    },
    async (req) => compareEvaluationRuns(ctx, viewer(req), req.query),
  );
  app.get(
    '/api/frontier/evaluation-runs/:id',
    { schema: { tags, summary: 'One evaluation run', params: IdParams, response: { 200: EvaluationRun, ...errors(404) } } },
    async (req) => getEvaluationRun(ctx, viewer(req), req.params.id),
  );
  app.get(
    '/api/frontier/evaluation-runs/:id/log',
    {
      schema: {
        tags,
        summary: 'Download the original log, byte for byte',
        params: IdParams,
        response: {
          200: { description: 'The log as uploaded', content: { 'application/json': { schema: LogContent }, 'application/zip': { schema: LogContent } } },
          ...errors(404),
        },
      },
    },
    async (req, reply) => {
      const log = await evaluationRunLog(ctx, viewer(req), req.params.id);
      // The bytes are sent as stored, not serialised: the untyped reply sends them.
      const raw: FastifyReply = reply;
      return raw
        .header('content-disposition', attachmentDisposition(log.fileName))
        .header('x-content-type-options', 'nosniff')
        .type(log.format === 'eval' ? 'application/zip' : 'application/json')
        .send(log.bytes);
    },
  );
}
