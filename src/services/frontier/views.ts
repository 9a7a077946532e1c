import type { FactRow, CheckpointRow, LineageRow } from '../../store/frontier/records';
import type { FrontierModelRow, FrontierVersionRow } from '../../store/frontier/versions';
import { markingOf } from '../../store/visibility';
import { markingView } from '../markings';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The API shape of a model (without its versions). */
export const modelView = (m: FrontierModelRow) => ({
  id: m.id,
  name: m.name,
  family: m.family,
  description: m.description,
  modalities: [...m.modalities],
  marking: markingView(markingOf(m)),
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
});
export type ModelView = ReturnType<typeof modelView>;

/** The API shape of a model version and its release plan. */
export const versionView = (v: FrontierVersionRow) => ({
  id: v.id,
  modelId: v.modelId,
  version: v.version,
  releaseChannels: [...v.releaseChannels],
  plannedTrustedPartnerRelease: iso(v.plannedTrustedPartnerRelease),
  plannedGeneralRelease: iso(v.plannedGeneralRelease),
  releasedAt: iso(v.releasedAt),
  marking: markingView(markingOf(v)),
  createdAt: v.createdAt.toISOString(),
  updatedAt: v.updatedAt.toISOString(),
});
export type VersionView = ReturnType<typeof versionView>;

export const checkpointView = (c: CheckpointRow) => ({
  id: c.id,
  versionId: c.versionId,
  hash: c.hash,
  label: c.label,
  createdAt: c.createdAt.toISOString(),
});
export type CheckpointView = ReturnType<typeof checkpointView>;

export const lineageView = (l: LineageRow) => ({
  id: l.id,
  versionId: l.versionId,
  parentVersionId: l.parentVersionId,
  kind: l.kind,
  createdAt: l.createdAt.toISOString(),
});
export type LineageView = ReturnType<typeof lineageView>;

export const factView = (f: FactRow) => ({
  id: f.id,
  versionId: f.versionId,
  key: f.key,
  value: f.value,
  unit: f.unit,
  method: f.method,
  confidence: f.confidence,
  source: f.source,
  asOf: iso(f.asOf),
  benchmarkVersion: f.benchmarkVersion,
  recordedAt: f.recordedAt.toISOString(),
  recordedBy: f.createdBy,
});
export type FactView = ReturnType<typeof factView>;
