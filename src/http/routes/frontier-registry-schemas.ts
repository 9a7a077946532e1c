import { z } from 'zod';
import { FACT_METHODS, LINEAGE_KINDS, MODALITIES, RELEASE_CHANNELS } from '../../domain/frontier/registry';
import { EVALUATION_TRIGGERS } from '../../domain/frontier/registry-checks';
import { RULE_SET_STATUSES } from '../../domain/frontier/rule-set';
import { MarkingInput, MarkingView, Uuid } from '../schemas';

/** Request and response schemas of the frontier-model registry (issue 11; ADR 0085). */

const When = z.iso.datetime({ offset: true });
const Label = z.string().trim().min(1).max(100);

export const FactInput = z.strictObject({
  key: z.string().min(1).max(100),
  // Kind, unit and range are checked against the fact's spec by the service (one answer naming every bad field).
  value: z.union([z.number(), z.boolean()]),
  unit: z.string().max(40),
  method: z.enum(FACT_METHODS),
  confidence: z.number().nullable().optional(),
  source: z.string().max(2000).optional(),
  asOf: When.nullable().optional(),
  benchmarkVersion: z.string().max(100).nullable().optional(),
});
export const FactsBody = z.strictObject({ facts: z.array(FactInput).max(500) });

const ReleasePlan = {
  releaseChannels: z.array(z.enum(RELEASE_CHANNELS)).max(RELEASE_CHANNELS.length).optional(),
  plannedTrustedPartnerRelease: When.nullable().optional(),
  plannedGeneralRelease: When.nullable().optional(),
};
export const VersionBody = z.strictObject({
  version: Label,
  ...ReleasePlan,
  marking: MarkingInput.optional(),
  facts: z.array(FactInput).max(500).optional(),
});
export const VersionPatchBody = z.strictObject({ ...ReleasePlan, releasedAt: When.nullable().optional() });

const ModelFields = {
  name: z.string().trim().min(1).max(200),
  family: z.string().trim().min(1).max(200).nullable().optional(),
  description: z.string().max(20_000).optional(),
  modalities: z.array(z.enum(MODALITIES)).max(MODALITIES.length).optional(),
  marking: MarkingInput.optional(),
};
export const ModelBody = z.strictObject({ ...ModelFields, versions: z.array(VersionBody).max(100).optional() });
export const ModelPatchBody = z.strictObject(ModelFields).partial();
export const ModelFilter = { q: z.string().max(200).optional(), family: z.string().max(200).optional() };

export const CheckpointBody = z.strictObject({ hash: z.string().max(200), label: z.string().max(200).optional() });
export const LineageBody = z.strictObject({ parentVersionId: Uuid, kind: z.enum(LINEAGE_KINDS) });

export const FrontierModel = z
  .object({
    id: Uuid,
    name: z.string(),
    family: z.string().nullable(),
    description: z.string(),
    modalities: z.array(z.string()),
    marking: MarkingView,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'FrontierModel' });

export const FrontierVersion = z
  .object({
    id: Uuid,
    modelId: Uuid,
    version: z.string(),
    releaseChannels: z.array(z.string()),
    plannedTrustedPartnerRelease: z.string().nullable(),
    plannedGeneralRelease: z.string().nullable(),
    releasedAt: z.string().nullable(),
    marking: MarkingView,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'FrontierVersion' });

export const FrontierVersionListItem = FrontierVersion.extend({ modelName: z.string() }).meta({ id: 'FrontierVersionListItem' });

export const FrontierModelDetail = FrontierModel.extend({ versions: z.array(FrontierVersion) }).meta({ id: 'FrontierModelDetail' });
export const FrontierModelCount = z.object({ count: z.number().int() }).meta({ id: 'FrontierModelCount' });

export const FrontierCheckpoint = z
  .object({ id: Uuid, versionId: Uuid, hash: z.string(), label: z.string(), createdAt: z.string() })
  .meta({ id: 'FrontierCheckpoint' });
export const FrontierCheckpointList = z.object({ items: z.array(FrontierCheckpoint) }).meta({ id: 'FrontierCheckpointList' });

export const FrontierLineageEdge = z
  .object({ id: Uuid, versionId: Uuid, parentVersionId: Uuid, kind: z.string(), createdAt: z.string() })
  .meta({ id: 'FrontierLineageEdge' });
export const FrontierLineage = z.object({ parents: z.array(FrontierLineageEdge), children: z.array(FrontierLineageEdge) }).meta({ id: 'FrontierLineage' });

export const FrontierFact = z
  .object({
    id: Uuid,
    versionId: Uuid,
    key: z.string(),
    value: z.union([z.number(), z.boolean()]),
    unit: z.string(),
    method: z.string(),
    confidence: z.number().nullable(),
    source: z.string(),
    asOf: z.string().nullable(),
    benchmarkVersion: z.string().nullable(),
    recordedAt: z.string(),
  })
  .meta({ id: 'FrontierFact' });
export const FrontierFactList = z.object({ items: z.array(FrontierFact) }).meta({ id: 'FrontierFactList' });

export const FrontierVersionDetail = FrontierVersion.extend({
  model: FrontierModel,
  checkpoints: z.array(FrontierCheckpoint),
  lineage: FrontierLineage,
  facts: z.array(FrontierFact),
}).meta({ id: 'FrontierVersionDetail' });

export const FrontierEvaluation = z
  .object({
    id: Uuid,
    versionId: Uuid,
    ruleSet: z.string(),
    ruleSetVersion: z.string(),
    outcome: z.enum(['covered', 'not_covered', 'insufficient_evidence']),
    reasons: z.array(z.string()),
    factsDigest: z.string(),
    trigger: z.enum(EVALUATION_TRIGGERS),
    evaluatedAt: z.string(),
  })
  .meta({ id: 'FrontierEvaluation' });
/** EU AI Act Art. 52(1): information on a covered result, never a gate (docs/frontier.md). */
export const NotificationClock = z.object({ days: z.number().int(), from: z.string(), dueAt: z.string() }).meta({ id: 'FrontierNotificationClock' });
export const FrontierLatestEvaluation = FrontierEvaluation.extend({ clock: NotificationClock.nullable() }).meta({ id: 'FrontierLatestEvaluation' });
export const FrontierVersionEvaluation = z
  .object({ versionId: Uuid, latest: z.array(FrontierLatestEvaluation), history: z.array(FrontierEvaluation) })
  .meta({ id: 'FrontierVersionEvaluation' });

/** A rule-set document as JSON: its fields are checked by the engine's validator, which names every bad one. */
export const RuleSetDocumentInput = z.record(z.string(), z.unknown()).meta({ id: 'FrontierRuleSetDocumentInput' });
export const FrontierRuleSet = z
  .object({
    id: z.string(),
    version: z.string(),
    title: z.string(),
    regime: z.string(),
    status: z.enum(RULE_SET_STATUSES),
    builtIn: z.boolean(),
    current: z.boolean(),
    addedAt: z.string(),
    document: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'FrontierRuleSet' });
export const FrontierRuleSetList = z.object({ items: z.array(FrontierRuleSet) }).meta({ id: 'FrontierRuleSetList' });
export const FrontierRuleSettings = z.strictObject({ proxyCyberThreshold: z.number().min(0).max(1) }).meta({ id: 'FrontierRuleSettings' });
export const RuleSetParams = z.strictObject({ id: z.string().max(100) });
export const FactKeyParams = z.strictObject({ id: Uuid, key: z.string().max(100) });
