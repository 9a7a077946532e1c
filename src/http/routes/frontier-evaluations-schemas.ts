import { z } from 'zod';
import { INSPECT_STATUSES } from '../../standards/inspect';
import { RUN_TLPS } from '../../services/frontier/evaluation-runs';
import { MarkingView, Uuid } from '../schemas';

/** Request and response schemas of the evaluation-run routes (issue 12, ADR 0102). */
export const LOG_MEDIA_TYPES = ['application/json', 'application/zip', 'application/octet-stream', 'application/x-zip-compressed'] as const;

export const ImportQuery = z.strictObject({
  checkpointId: Uuid,
  name: z.string().trim().min(1).max(200).optional(),
  tlp: z.enum(RUN_TLPS).optional(),
  /** The assessment engagement the run is evidence for: linked in the same transaction (its checkpoints may be named). */
  engagementId: Uuid.optional(),
});

export const RunFilterQuery = z.strictObject({
  modelId: Uuid.optional(),
  versionId: Uuid.optional(),
  checkpointId: Uuid.optional(),
  task: z.string().min(1).max(500).optional(),
  after: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const CompareQuery = z.strictObject({ modelId: Uuid, task: z.string().min(1).max(500) });

const Score = z.object({
  name: z.string(),
  scorer: z.string(),
  reducer: z.string().nullable(),
  metrics: z.record(z.string(), z.number().nullable()),
});

export const EvaluationRun = z
  .object({
    id: Uuid,
    name: z.string(),
    checkpointId: Uuid,
    versionId: Uuid,
    modelId: Uuid,
    log: z.object({ sha256: z.string(), format: z.enum(['json', 'eval']), sizeBytes: z.number().int(), version: z.number().int() }),
    evalId: z.string().nullable(),
    runId: z.string(),
    task: z.string(),
    taskId: z.string().nullable(),
    taskVersion: z.string(),
    evalModel: z.string(),
    dataset: z.object({ name: z.string().nullable(), location: z.string().nullable(), samples: z.number().int().nullable() }),
    status: z.enum(INSPECT_STATUSES),
    samples: z.object({ total: z.number().int(), completed: z.number().int(), inLog: z.number().int(), errors: z.number().int() }),
    error: z.string().nullable(),
    scores: z.array(Score),
    usage: z.array(z.object({ model: z.string(), inputTokens: z.number().int(), outputTokens: z.number().int(), totalTokens: z.number().int() })),
    startedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    durationSeconds: z.number().nullable(),
    marking: MarkingView,
    importedAt: z.string(),
  })
  .meta({ id: 'EvaluationRun' });

export const EvaluationRunPage = z.object({ items: z.array(EvaluationRun), next: z.string().nullable() }).meta({ id: 'EvaluationRunPage' });

export const EvaluationComparison = z
  .object({
    modelId: Uuid,
    task: z.string(),
    metrics: z.array(z.object({ scorer: z.string(), metric: z.string() })),
    checkpoints: z.array(
      z.object({
        checkpointId: Uuid,
        hash: z.string(),
        label: z.string(),
        versionId: Uuid,
        version: z.string(),
        runId: Uuid,
        runs: z.number().int(),
        values: z.array(z.object({ scorer: z.string(), metric: z.string(), value: z.number().nullable() })),
      }),
    ),
  })
  .meta({ id: 'EvaluationComparison' });

export const LogContent = z.string().meta({ id: 'EvaluationLogContent', format: 'binary' });
