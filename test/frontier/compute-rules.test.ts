import { describe, expect, it } from 'vitest';
import { ACCELERATOR_IDS, acceleratorFigures, acceleratorOf, classifyExport, requireAccelerator } from '../../src/domain/frontier/accelerators';
import { clusterExportClasses } from '../../src/domain/frontier/cluster-export';
import { CLUSTER_RULES, clusterFigures } from '../../src/domain/frontier/cluster-rules';
import { clusterProblems, facilityProblems, trainingRunProblems } from '../../src/domain/frontier/compute-checks';
import { formatDecimal } from '../../src/domain/frontier/decimal';
import { crossedThresholds, cumulativeOf, phaseTotals } from '../../src/domain/frontier/training-thresholds';

const figures = (id: string) => acceleratorFigures(acceleratorOf(id)!);

describe('TPP, performance density and ECCN 3A090.a of catalogue chips', () => {
  it('A100 SXM: TPP 4992 (312 TFLOP/s BF16 × 16 = 156 TF32 × 32 = 624 TOP/s INT8 × 8), PD 4992 / 826 mm² = 6.044, 3A090.a by TPP ≥ 4800', () => {
    const a = figures('nvidia-a100-sxm-80gb');
    expect(a.tpp).toBe(4992);
    expect(a.performanceDensity).toBe(6.044);
    expect(a.export).toMatchObject({ eccn: '3A090.a', status: 'controlled', rule: 'bis-eccn-3a090', ruleVersion: '2023-10-25' });
  });

  it('H100 SXM: TPP 15831.2 from FP8 (1978.9 × 8; BF16 989.4 × 16 = 15830.4 is lower), PD 15831.2 / 814 = 19.449', () => {
    const a = figures('nvidia-h100-sxm');
    expect(a).toMatchObject({ tpp: 15831.2, tppPrecision: 'fp8', performanceDensity: 19.449 });
    expect(a.export.eccn).toBe('3A090.a');
  });

  it('L40S: TPP 5864 (733 FP8 × 8 beats 183 TF32 × 32 = 5856 and 362.05 BF16 × 16 = 5792.8), PD 5864 / 608.5 = 9.637', () => {
    expect(figures('nvidia-l40s')).toMatchObject({ tpp: 5864, tppPrecision: 'fp8', performanceDensity: 9.637, export: { eccn: '3A090.a' } });
  });

  it('TPU v5e: TPP 3152 (197 BF16 × 16; 393 INT8 × 8 = 3144), between 1600 and 4800 with no die area: undetermined, never guessed', () => {
    const a = figures('google-tpu-v5e');
    expect(a).toMatchObject({ tpp: 3152, tppPrecision: 'bf16', performanceDensity: null });
    expect(a.export.status).toBe('undetermined');
    expect(a.export.reason).toContain('die area is unknown');
  });

  it('Gaudi 2: TPP 6912 (432 BF16 × 16) → 3A090.a; MI300X: 2614.9 FP8 × 8 = 20919.2', () => {
    expect(figures('intel-gaudi2')).toMatchObject({ tpp: 6912, export: { eccn: '3A090.a' } });
    expect(figures('amd-mi300x')).toMatchObject({ tpp: 20919.2, export: { eccn: '3A090.a' } });
  });

  it('the density branch: at 1600 and 5.92 controlled, just below either not', () => {
    expect(classifyExport(1600, 5.92).status).toBe('controlled');
    expect(classifyExport(4799.9, 5.92).status).toBe('controlled');
    expect(classifyExport(4799.9, 5.919).status).toBe('not_controlled');
    expect(classifyExport(1599.9, 100).status).toBe('not_controlled');
    expect(classifyExport(4800, null).status).toBe('controlled');
    expect(classifyExport(1599.9, null).eccn).toBe('not 3A090.a');
  });

  it('an unknown chip type is refused with the known ones listed', () => {
    expect(() => requireAccelerator('nvidia-h900', '/inventory/0/acceleratorId')).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        details: [{ path: '/inventory/0/acceleratorId', message: expect.stringContaining(ACCELERATOR_IDS.join(', ')) }],
      }),
    );
  });

  it('a computer holding a 3A090.a chip is 4A090.a; undetermined chips are named', () => {
    expect(
      clusterExportClasses([
        { acceleratorId: 'nvidia-h100-sxm', count: 8 },
        { acceleratorId: 'google-tpu-v5e', count: 8 },
      ]),
    ).toMatchObject({
      chipEccns: ['3A090.a'],
      computerEccns: ['4A090.a'],
      undeterminedChips: ['google-tpu-v5e'],
    });
    expect(clusterExportClasses([{ acceleratorId: 'google-tpu-v5e', count: 8 }]).computerEccns).toEqual([]);
  });
});

describe('cluster rules at, just below and just above each threshold', () => {
  // GB200 per GPU: 5000 TFLOP/s dense FP8 = 5e15 OP/s, so 20,000 GPUs are exactly 1e20 OP/s.
  const flags = (chips: number, gbps: number | null) =>
    clusterFigures([{ acceleratorId: 'nvidia-gb200-gpu', count: chips }], gbps).reportable.map((f) => `${f.rule}@${f.version}`);
  const EO = 'us-eo14110-cluster@2023-10-30';
  const BIS = 'us-bis-2024-cluster@2024-09-11';

  it('the aggregate is count × peak at the rule precision (each chip at its best)', () => {
    const f = clusterFigures([{ acceleratorId: 'nvidia-gb200-gpu', count: 20_000 }], 400);
    expect(f.peakOpsPerSecond.max).toBe(1e20);
    expect(f.peakOpsPerSecond.bf16).toBe(5e19);
  });

  it('EO 14110: a capacity "of" 10^20 counts at 10^20; networking must be "over" 100 Gbit/s', () => {
    expect(flags(20_000, 101)).toEqual([EO]);
    expect(flags(20_000, 100)).toEqual([]);
    expect(flags(19_999, 101)).toEqual([]);
    expect(flags(20_001, 100.5)).toEqual([EO]);
  });

  it('BIS 2024 NPRM: strictly greater than 10^20 OP/s and over 300 Gbit/s', () => {
    expect(flags(20_000, 301)).toEqual([EO]);
    expect(flags(20_001, 301)).toEqual([EO, BIS]);
    expect(flags(20_001, 300)).toEqual([EO]);
    expect(flags(19_999, 10_000)).toEqual([]);
  });

  it('no declared interconnect flags nothing; each flag names its rule version', () => {
    expect(flags(1_000_000, null)).toEqual([]);
    const f = clusterFigures([{ acceleratorId: 'nvidia-gb200-gpu', count: 20_001 }], 301).reportable;
    expect(f.map((x) => x.version)).toEqual(CLUSTER_RULES.map((r) => r.version));
    expect(f[1]!.reason).toContain('> 1e+20');
  });

  it('H100-equivalents at BF16: 1000 A100 = 1000 × 312 / 989.4 = 315.34', () => {
    expect(clusterFigures([{ acceleratorId: 'nvidia-a100-sxm-80gb', count: 1000 }], 0).h100Equivalents).toBe(315.34);
    expect(clusterFigures([{ acceleratorId: 'nvidia-h100-sxm', count: 1000 }], 0).h100Equivalents).toBe(1000);
  });

  it('a sum that float rounding would push over is compared exactly: 3 lines summing to 1e20 are not "greater"', () => {
    // 10,000 GB200 (5e19) + 2,000 GB200-equivalents in B200s at 4.5e15: 11,111 B200 = 4.99995e19, plus 1 H100 SXM.
    const f = clusterFigures(
      [
        { acceleratorId: 'nvidia-gb200-gpu', count: 10_000 },
        { acceleratorId: 'nvidia-b200-hgx', count: 11_111 },
      ],
      1000,
    );
    // 5e19 + 11,111 × 4.5e15 = 5e19 + 4.99995e19 = 9.99995e19: below on both.
    expect(f.reportable).toEqual([]);
  });
});

describe('training-run thresholds (exact decimal sums)', () => {
  it('7e24 + 2e24 + 1e24 is exactly 1e25: not above; one FLOP more is', () => {
    const at = phaseTotals([{ flop: { pretraining: 7e24 } }, { flop: { fineTuning: 2e24, reinforcementLearning: 1e24 } }]);
    expect(formatDecimal(cumulativeOf(at))).toBe('1e25');
    expect(crossedThresholds(at)).toEqual([]);
    const above = phaseTotals([{ flop: { pretraining: 7e24 } }, { flop: { fineTuning: 2e24, reinforcementLearning: 1e24, other: 1 } }]);
    const crossed = crossedThresholds(above);
    expect(crossed.map((c) => c.threshold.id)).toEqual(['training-compute-1e25']);
    expect(crossed[0]!.detail).toContain('cumulative training compute 1.0000000000000000000000001e25 FLOP > 1e25 FLOP');
  });

  it('at 1e26 only the 1e25 threshold; above it both', () => {
    expect(crossedThresholds(phaseTotals([{ flop: { pretraining: 1e26 } }])).map((c) => c.threshold.id)).toEqual(['training-compute-1e25']);
    expect(crossedThresholds(phaseTotals([{ flop: { pretraining: 1e26, other: 1e20 } }])).map((c) => c.threshold.id)).toEqual([
      'training-compute-1e25',
      'training-compute-1e26',
    ]);
  });
});

describe('per-field problems', () => {
  it('names every bad inventory field at once', () => {
    const p = clusterProblems({
      inventory: [
        { acceleratorId: 'nvidia-h900', count: 8 },
        { acceleratorId: 'nvidia-h100-sxm', count: -1 },
        { acceleratorId: 'amd-mi300x', count: 1.5 },
        { acceleratorId: 'google-tpu-v5p', count: 10_000_001 },
        { acceleratorId: 'google-tpu-v5p', count: 8 },
      ],
      interconnectGbps: -5,
    });
    expect(p.map((x) => x.path)).toEqual([
      '/inventory/0/acceleratorId',
      '/inventory/1/count',
      '/inventory/2/count',
      '/inventory/3/count',
      '/inventory/4/acceleratorId',
      '/interconnectGbps',
    ]);
    expect(p[0]!.message).toContain('known: nvidia-a100-sxm-80gb');
  });

  it('facilities and runs', () => {
    expect(facilityProblems({ country: 'usa', powerCapacityMw: -1 }).map((x) => x.path)).toEqual(['/country', '/powerCapacityMw']);
    expect(
      trainingRunProblems({
        flop: { pretraining: -1, fineTuning: 1e33, other: Number.NaN },
        startedAt: '2026-02-01',
        endedAt: '2026-01-01',
        clusterIds: ['a', 'a'],
      }).map((x) => x.path),
    ).toEqual(['/flop/pretraining', '/flop/fineTuning', '/flop/other', '/endedAt', '/clusterIds']);
    expect(trainingRunProblems({ flop: {}, clusterIds: [] }).map((x) => x.path)).toEqual(['/flop']);
  });
});
