import type { FieldProblem } from '../errors';
import { acceleratorOf, unknownAcceleratorMessage } from './accelerators';
import {
  MAX_CHIPS_PER_LINE,
  MAX_INTERCONNECT_GBPS,
  MAX_INVENTORY_LINES,
  MAX_POWER_MW,
  MAX_RUN_FLOP,
  TRAINING_PHASES,
  type TrainingPhase,
} from './compute-vocabulary';

/**
 * What is wrong with compute-registry input, every field at once (issue 12 "Bad input":
 * negative or absurd chip counts and FLOP values, unknown chip types). Pure: the services call
 * these before writing anything.
 */

const ISO_3166_1_ALPHA2 = /^[A-Z]{2}$/;

/** A facility's checkable fields. */
export function facilityProblems(f: { country?: string | null | undefined; powerCapacityMw?: number | null | undefined }): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (f.country != null && !ISO_3166_1_ALPHA2.test(f.country))
    out.push({ path: '/country', message: 'must be an ISO 3166-1 alpha-2 code (two capital letters, e.g. US)' });
  if (f.powerCapacityMw != null) {
    if (!Number.isFinite(f.powerCapacityMw) || f.powerCapacityMw < 0) out.push({ path: '/powerCapacityMw', message: 'must be a non-negative number' });
    else if (f.powerCapacityMw > MAX_POWER_MW) out.push({ path: '/powerCapacityMw', message: `must be at most ${MAX_POWER_MW} MW` });
  }
  return out;
}

/** A cluster's inventory and interconnect. */
export function clusterProblems(c: {
  inventory: readonly { acceleratorId: string; count: number }[];
  interconnectGbps?: number | null | undefined;
}): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (c.inventory.length > MAX_INVENTORY_LINES) out.push({ path: '/inventory', message: `at most ${MAX_INVENTORY_LINES} lines` });
  const seen = new Set<string>();
  c.inventory.forEach((l, i) => {
    if (!acceleratorOf(l.acceleratorId)) out.push({ path: `/inventory/${i}/acceleratorId`, message: unknownAcceleratorMessage(l.acceleratorId) });
    else if (seen.has(l.acceleratorId)) out.push({ path: `/inventory/${i}/acceleratorId`, message: 'named twice: give one line per accelerator type' });
    seen.add(l.acceleratorId);
    if (typeof l.count !== 'number' || !Number.isFinite(l.count)) out.push({ path: `/inventory/${i}/count`, message: 'must be a number' });
    else if (!Number.isInteger(l.count)) out.push({ path: `/inventory/${i}/count`, message: 'must be a whole number of chips' });
    else if (l.count < 1) out.push({ path: `/inventory/${i}/count`, message: 'must be at least 1' });
    else if (l.count > MAX_CHIPS_PER_LINE)
      out.push({ path: `/inventory/${i}/count`, message: `must be at most ${MAX_CHIPS_PER_LINE.toExponential(0)} chips per line` });
  });
  const g = c.interconnectGbps;
  if (g != null && (!Number.isFinite(g) || g < 0)) out.push({ path: '/interconnectGbps', message: 'must be a non-negative number' });
  else if (g != null && g > MAX_INTERCONNECT_GBPS) out.push({ path: '/interconnectGbps', message: `must be at most ${MAX_INTERCONNECT_GBPS} Gbit/s` });
  return out;
}

/** A training run's FLOP per phase and dates. */
export function trainingRunProblems(r: {
  flop: Partial<Record<TrainingPhase, number | null>>;
  startedAt?: string | null | undefined;
  endedAt?: string | null | undefined;
  clusterIds: readonly string[];
}): FieldProblem[] {
  const out: FieldProblem[] = [];
  let any = false;
  for (const p of TRAINING_PHASES) {
    const v = r.flop[p];
    if (v == null) continue;
    any = true;
    if (typeof v !== 'number' || !Number.isFinite(v)) out.push({ path: `/flop/${p}`, message: 'must be a finite number' });
    else if (v < 0) out.push({ path: `/flop/${p}`, message: 'must not be negative' });
    else if (v > MAX_RUN_FLOP) out.push({ path: `/flop/${p}`, message: `must be at most ${MAX_RUN_FLOP.toExponential(0)} FLOP` });
  }
  if (!any) out.push({ path: '/flop', message: `give the FLOP of at least one phase (${TRAINING_PHASES.join(', ')})` });
  const start = r.startedAt ? Date.parse(r.startedAt) : null;
  const end = r.endedAt ? Date.parse(r.endedAt) : null;
  if (start !== null && end !== null && end < start) out.push({ path: '/endedAt', message: 'must not be before startedAt' });
  if (new Set(r.clusterIds).size !== r.clusterIds.length) out.push({ path: '/clusterIds', message: 'names a cluster twice' });
  return out;
}
