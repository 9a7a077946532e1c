import { acceleratorOf, ACCELERATOR_IDS, peakOpsPerSecond } from '../src/domain/frontier/accelerators';
import { clusterFigures, type InventoryLine } from '../src/domain/frontier/cluster-rules';
import { opsPerSecond, type BenchResult, type BenchSuite } from './harness';

const CLUSTERS = 100_000;

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface GeneratedCluster {
  readonly inventory: InventoryLine[];
  readonly interconnectGbps: number | null;
}

/** Clusters of one to three chip types, spread around 10^20 OP/s and 100/300 Gbit/s (the same every run). */
export function clustersForBench(): GeneratedCluster[] {
  const r = lcg(12);
  return Array.from({ length: CLUSTERS }, () => {
    const lines = 1 + Math.floor(r() * 3);
    const inventory: InventoryLine[] = [];
    for (let i = 0; i < lines; i++) {
      const acceleratorId = ACCELERATOR_IDS[Math.floor(r() * ACCELERATOR_IDS.length)]!;
      if (inventory.some((l) => l.acceleratorId === acceleratorId)) continue;
      inventory.push({ acceleratorId, count: Math.max(1, Math.round(10 ** (2 + r() * 3.5))) });
    }
    const g = r();
    return { inventory, interconnectGbps: g < 0.05 ? null : g < 0.2 ? 100 : g < 0.3 ? 300 : Math.round(r() * 800) };
  });
}

/** The baseline: the same sums and the two comparisons in a plain loop over pre-resolved peaks (no reasons, no exact path). */
function inlineFlags(c: GeneratedCluster, peaks: Map<string, number>): number {
  let sum = 0;
  for (const l of c.inventory) sum += l.count * peaks.get(l.acceleratorId)!;
  const g = c.interconnectGbps;
  return (g !== null && sum >= 1e20 && g > 100 ? 1 : 0) + (g !== null && sum > 1e20 && g > 300 ? 1 : 0);
}

/** Cluster-rule evaluation (issue 12): the data-driven rules with figures and reasons, against a plain loop. */
export const suite: BenchSuite = {
  name: 'Compute registry cluster rules (issue 12)',
  async run(): Promise<BenchResult[]> {
    const clusters = clustersForBench();
    const peaks = new Map(ACCELERATOR_IDS.map((id) => [id, peakOpsPerSecond(acceleratorOf(id)!, 'max')]));
    let sink = 0;
    const ours = opsPerSecond(
      () => {
        for (const c of clusters) sink += clusterFigures(c.inventory, c.interconnectGbps).reportable.length;
      },
      3000,
      CLUSTERS,
    );
    const base = opsPerSecond(
      () => {
        for (const c of clusters) sink += inlineFlags(c, peaks);
      },
      3000,
      CLUSTERS,
    );
    let disagreements = 0;
    let flagged = 0;
    for (const c of clusters) {
      const n = clusterFigures(c.inventory, c.interconnectGbps).reportable.length;
      flagged += n > 0 ? 1 : 0;
      if (n !== inlineFlags(c, peaks)) disagreements++;
    }
    if (disagreements > 0) throw new Error(`the rules and the plain loop disagree on ${disagreements} clusters`);
    return [
      {
        name: `cluster-rule evaluation, ${CLUSTERS.toLocaleString('en-US')} generated clusters (figures, H100-equivalents, flags with reasons)`,
        value: ours,
        unit: 'clusters/s',
        baseline: { name: 'a plain loop summing count × peak and comparing (flags only)', value: base },
        notes: `${flagged.toLocaleString('en-US')} clusters flagged; flags identical to the plain loop on every cluster (${sink > 0 ? 'checked' : 'none'})`,
      },
    ];
  },
};
