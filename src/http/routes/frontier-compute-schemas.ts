import { z } from 'zod';
import { PRECISIONS } from '../../domain/frontier/accelerators';
import { FACILITY_STATUSES, LOCATION_DISCLOSURES, TRAINING_PHASES } from '../../domain/frontier/compute-vocabulary';
import { MarkingInput, MarkingView, Paging, Uuid } from '../schemas';

/**
 * Request and response schemas of the compute registry (issue 12). Numbers are taken as numbers
 * and checked by the domain (compute-checks.ts), so one answer names every bad count, FLOP value
 * and unknown chip type at once.
 */
const When = z.iso.datetime({ offset: true });
const Day = z.iso.date();
const Name = z.string().trim().min(1).max(200);
const Status = z.enum(FACILITY_STATUSES);

const Rates = z.strictObject(
  Object.fromEntries(PRECISIONS.map((p) => [p, z.number().nullable()])) as Record<(typeof PRECISIONS)[number], z.ZodNullable<z.ZodNumber>>,
);

const ExportOutcome = z.strictObject({
  eccn: z.string(),
  status: z.enum(['controlled', 'not_controlled', 'undetermined']),
  reason: z.string(),
  rule: z.string(),
  ruleVersion: z.string(),
});

export const Accelerator = z
  .strictObject({
    id: z.string(),
    vendor: z.string(),
    model: z.string(),
    peakDense: Rates,
    memoryGB: z.number(),
    interconnectGBps: z.number().nullable(),
    dieAreaMm2: z.number().nullable(),
    source: z.string(),
    tpp: z.number().nullable(),
    tppPrecision: z.enum(PRECISIONS).nullable(),
    performanceDensity: z.number().nullable(),
    export: ExportOutcome,
  })
  .meta({ id: 'Accelerator' });

export const ClusterRule = z
  .strictObject({
    id: z.string(),
    version: z.string(),
    title: z.string(),
    status: z.enum(['in_force', 'revoked', 'proposed']),
    citation: z.string(),
    note: z.string(),
    capacity: z.strictObject({ op: z.enum(['gt', 'gte']), opsPerSecond: z.number(), precision: z.union([z.enum(PRECISIONS), z.literal('max')]) }),
    interconnect: z.strictObject({ op: z.enum(['gt', 'gte']), gbps: z.number() }),
  })
  .meta({ id: 'ClusterRule' });

export const AcceleratorCatalogue = z
  .strictObject({
    version: z.string(),
    rulesVersion: z.string(),
    unit: z.string(),
    note: z.string(),
    accelerators: z.array(Accelerator),
    clusterRules: z.array(ClusterRule),
  })
  .meta({ id: 'AcceleratorCatalogue' });

export const FacilityBody = z.strictObject({
  name: Name,
  operatorOrganisationId: Uuid.nullable().optional(),
  operatorName: z.string().max(200).optional(),
  country: z.string().max(10).nullable().optional(),
  region: z.string().max(100).nullable().optional(),
  site: z.string().max(500).nullable().optional(),
  locationDisclosure: z.enum(LOCATION_DISCLOSURES).optional(),
  powerCapacityMw: z.number().nullable().optional(),
  status: Status,
  marking: MarkingInput.optional(),
});
export const FacilityPatch = FacilityBody.omit({ marking: true }).partial();

export const Facility = z
  .strictObject({
    id: Uuid,
    name: z.string(),
    operatorOrganisationId: Uuid.nullable(),
    operatorName: z.string(),
    country: z.string().nullable(),
    region: z.string().nullable(),
    site: z.string().nullable(),
    locationHidden: z.boolean(),
    locationDisclosure: z.enum(LOCATION_DISCLOSURES),
    powerCapacityMw: z.number().nullable(),
    status: z.string(),
    marking: MarkingView,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ComputeFacility' });

export const FacilityFilter = z.strictObject({
  ...Paging,
  country: z.string().max(10).optional(),
  status: Status.optional(),
  owner: Uuid.optional(),
});

const Line = z.strictObject({ acceleratorId: z.string().max(100), count: z.number() });

export const ClusterBody = z.strictObject({
  facilityId: Uuid,
  name: Name,
  inventory: z.array(Line).max(200),
  interconnectGbps: z.number().nullable().optional(),
  status: Status,
  firstOperationalOn: Day.nullable().optional(),
});
export const ClusterPatch = ClusterBody.omit({ facilityId: true }).partial();

export const Cluster = z
  .strictObject({
    id: Uuid,
    facilityId: Uuid,
    name: z.string(),
    inventory: z.array(z.strictObject({ acceleratorId: z.string(), count: z.number() })),
    interconnectGbps: z.number().nullable(),
    status: z.string(),
    firstOperationalOn: z.string().nullable(),
    peakOpsPerSecond: z.strictObject({ max: z.number(), ...Object.fromEntries(PRECISIONS.map((p) => [p, z.number()])) }),
    h100Equivalents: z.number(),
    reportable: z.array(z.strictObject({ rule: z.string(), version: z.string(), status: z.enum(['in_force', 'revoked', 'proposed']), reason: z.string() })),
    rulesVersion: z.string(),
    export: z.strictObject({
      chipEccns: z.array(z.string()),
      computerEccns: z.array(z.string()),
      undeterminedChips: z.array(z.string()),
      rule: z.string(),
      ruleVersion: z.string(),
    }),
    marking: MarkingView,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ComputeCluster' });

export const ClusterFilter = z.strictObject({
  ...Paging,
  facilityId: Uuid.optional(),
  status: Status.optional(),
  owner: Uuid.optional(),
  /** `true`, `false`, or a rule id (`us-eo14110-cluster`, `us-bis-2024-cluster`). */
  reportable: z.string().max(100).optional(),
});

const Flop = z.strictObject(
  Object.fromEntries(TRAINING_PHASES.map((p) => [p, z.number().nullable().optional()])) as Record<
    (typeof TRAINING_PHASES)[number],
    z.ZodOptional<z.ZodNullable<z.ZodNumber>>
  >,
);

export const TrainingRunBody = z.strictObject({
  versionId: Uuid,
  name: Name,
  clusterIds: z.array(Uuid).max(100).optional(),
  startedAt: z.union([When, Day]).nullable().optional(),
  endedAt: z.union([When, Day]).nullable().optional(),
  flop: Flop,
});

export const TrainingRun = z
  .strictObject({
    id: Uuid,
    versionId: Uuid,
    name: z.string(),
    clusterIds: z.array(Uuid),
    startedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    flop: z.strictObject(Object.fromEntries(TRAINING_PHASES.map((p) => [p, z.number().nullable()]))),
    marking: MarkingView,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'TrainingRun' });

export const TrainingRunFilter = z.strictObject({ ...Paging, versionId: Uuid.optional(), clusterId: Uuid.optional() });
