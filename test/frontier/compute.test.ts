import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/domain/policy/viewer';
import { viewerOf } from '../../src/domain/identity/principal';
import { changeCluster, getCluster, listClusters, registerCluster } from '../../src/services/frontier/compute-clusters';
import { changeFacility, getFacility, listFacilities, registerFacility } from '../../src/services/frontier/compute-facilities';
import { getTrainingRun, listTrainingRuns, saveTrainingRun } from '../../src/services/frontier/compute-runs';
import { listCurrentFacts } from '../../src/services/frontier/facts';
import { listVisibleReviews } from '../../src/store/frontier/designation';
import { eventsAfter } from '../../src/store/outbox';
import { frontierClusters, frontierComputeCrossings, frontierFacilities, frontierTrainingRuns } from '../../src/store/schema/index';
import { contextFor, DRIVERS } from '../helpers/databases';
import { databasePerFile } from '../helpers/database-per-file';
import { bareVersion, type ComputeWorld, computeWorld, runReviewJobs } from './compute-world';

const EO = 'us-eo14110-cluster@2023-10-30';
const BIS = 'us-bis-2024-cluster@2024-09-11';

describe.each(DRIVERS)('the compute registry through the services on %s', (driver) => {
  const db = databasePerFile(driver);
  let ctx: ReturnType<typeof contextFor>;
  let w: ComputeWorld;
  let facilityId: string;

  beforeAll(async () => {
    ctx = contextFor(db().database);
    w = await computeWorld(ctx);
    const f = await registerFacility(ctx, w.cloud, {
      name: 'Hall 7',
      operatorName: 'Cloud Ops',
      country: 'US',
      region: 'US-TX',
      site: 'Abilene campus, building 7',
      powerCapacityMw: 300,
      status: 'operational',
      marking: { tlp: 'AMBER', coordinators: true, access: { organisations: [w.lab.organisationId] } },
    });
    facilityId = f.id;
  }, 120_000);

  const rows = async (t: typeof frontierClusters | typeof frontierFacilities | typeof frontierTrainingRuns) =>
    Number((await ctx.db.select({ n: count() }).from(t))[0]!.n);

  describe('facilities and the location rule', () => {
    it('the owner sees the location; a partner sees the facility without it; cleared staff see it; uncleared staff do not', async () => {
      expect(await getFacility(ctx, viewerOf(w.cloud), facilityId)).toMatchObject({
        country: 'US',
        region: 'US-TX',
        site: 'Abilene campus, building 7',
        locationHidden: false,
      });
      expect(await getFacility(ctx, viewerOf(w.lab), facilityId)).toMatchObject({
        name: 'Hall 7',
        powerCapacityMw: 300,
        country: null,
        region: null,
        site: null,
        locationHidden: true,
      });
      expect(await getFacility(ctx, viewerOf(w.clearedAnalyst), facilityId)).toMatchObject({ country: 'US', locationHidden: false });
      expect(await getFacility(ctx, viewerOf(w.unclearedAnalyst), facilityId)).toMatchObject({ country: null, locationHidden: true });
    });

    it('another organisation gets 404 and finds nothing in lists, counts or the country filter', async () => {
      await expect(getFacility(ctx, viewerOf(w.outsider), facilityId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await listFacilities(ctx, viewerOf(w.outsider), {}, 50, 0)).toEqual({ items: [], total: 0 });
    });

    it('filtering by country is no oracle: a partner who may not see the location finds nothing by it', async () => {
      expect((await listFacilities(ctx, viewerOf(w.cloud), { country: 'US' }, 50, 0)).total).toBe(1);
      expect((await listFacilities(ctx, viewerOf(w.clearedAnalyst), { country: 'US' }, 50, 0)).total).toBe(1);
      expect((await listFacilities(ctx, viewerOf(w.lab), { country: 'US' }, 50, 0)).total).toBe(0);
      expect((await listFacilities(ctx, viewerOf(w.lab), { status: 'operational' }, 50, 0)).total).toBe(1);
    });

    it('a facility whose location goes with it shows it to every viewer of the facility', async () => {
      const open = await registerFacility(ctx, w.cloud, {
        name: 'Public region',
        country: 'IE',
        locationDisclosure: 'with_facility',
        status: 'planned',
        marking: { tlp: 'GREEN' },
      });
      expect(await getFacility(ctx, viewerOf(w.outsider), open.id)).toMatchObject({ country: 'IE', locationHidden: false });
      expect((await listFacilities(ctx, viewerOf(w.outsider), { country: 'IE' }, 50, 0)).total).toBe(1);
    });

    it('events and audit carry no location', async () => {
      const events = (await eventsAfter(ctx.db, 0, 100_000)).filter((e) => e.type.startsWith('frontier_facility.'));
      expect(events.length).toBeGreaterThan(0);
      for (const e of events) expect(JSON.stringify(e)).not.toContain('Abilene');
    });

    it('bad input names every field, writes nothing; only the owner’s writers change a facility', async () => {
      const before = await rows(frontierFacilities);
      await expect(
        registerFacility(ctx, w.cloud, {
          name: 'x',
          country: 'usa',
          powerCapacityMw: -3,
          status: 'operational',
          operatorOrganisationId: '00000000-0000-4000-8000-000000000000',
        }),
      ).rejects.toMatchObject({
        code: 'VALIDATION',
        details: [
          { path: '/country', message: expect.any(String) },
          { path: '/powerCapacityMw', message: expect.any(String) },
          { path: '/operatorOrganisationId', message: 'no such organisation' },
        ],
      });
      await expect(registerFacility(ctx, w.labViewer, { name: 'x', status: 'planned' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(changeFacility(ctx, w.lab, facilityId, { status: 'decommissioned' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(changeFacility(ctx, w.outsider, facilityId, { status: 'decommissioned' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await rows(frontierFacilities)).toBe(before);
      expect(await changeFacility(ctx, w.cloud, facilityId, { powerCapacityMw: 350 })).toMatchObject({ powerCapacityMw: 350, status: 'operational' });
    });
  });

  describe('clusters', () => {
    it('computes the aggregate, H100-equivalents and flags; lists filter on them', async () => {
      // 20,001 GB200 GPUs × 5e15 OP/s dense FP8 = 1.00005e20 OP/s, at 400 Gbit/s: both rules.
      const big = await registerCluster(ctx, w.cloud, {
        facilityId,
        name: 'big',
        inventory: [{ acceleratorId: 'nvidia-gb200-gpu', count: 20_001 }],
        interconnectGbps: 400,
        status: 'operational',
      });
      expect(big.peakOpsPerSecond.max).toBe(1.00005e20);
      expect(big.h100Equivalents).toBe(Math.round(((20_001 * 2500) / 989.4) * 100) / 100);
      expect(big.reportable.map((f) => `${f.rule}@${f.version}`)).toEqual([EO, BIS]);
      // GB200: TPP 5000 × 8 = 40000 ≥ 4800, so 3A090.a without a die area; the cluster is a 4A090.a computer.
      expect(big.export).toMatchObject({ chipEccns: ['3A090.a'], computerEccns: ['4A090.a'], undeterminedChips: [] });
      // Exactly 1e20 at 200 Gbit/s: EO 14110 only ("of 10^20", "over 100").
      const edge = await registerCluster(ctx, w.cloud, {
        facilityId,
        name: 'edge',
        inventory: [{ acceleratorId: 'nvidia-gb200-gpu', count: 20_000 }],
        interconnectGbps: 200,
        status: 'operational',
      });
      expect(edge.reportable.map((f) => `${f.rule}@${f.version}`)).toEqual([EO]);
      const small = await registerCluster(ctx, w.cloud, {
        facilityId,
        name: 'small',
        inventory: [{ acceleratorId: 'nvidia-h100-sxm', count: 1024 }],
        interconnectGbps: 400,
        status: 'planned',
      });
      expect(small.reportable).toEqual([]);
      expect(small.export.computerEccns).toEqual(['4A090.a']);

      const ids = async (f: Parameters<typeof listClusters>[2]) =>
        (await listClusters(ctx, viewerOf(w.cloud), { facilityId, ...f }, 50, 0)).items.map((c) => c.name).sort();
      expect(await ids({ reportable: true })).toEqual(['big', 'edge']);
      expect(await ids({ reportable: false })).toEqual(['small']);
      expect(await ids({ reportable: 'us-bis-2024-cluster' })).toEqual(['big']);
      expect(await ids({ status: 'planned' })).toEqual(['small']);
      // Growing the small one over the line flags it on save.
      const grown = await changeCluster(ctx, w.cloud, small.id, { inventory: [{ acceleratorId: 'nvidia-gb200-gpu', count: 30_000 }] });
      expect(grown.reportable.map((f) => f.rule)).toEqual(['us-eo14110-cluster', 'us-bis-2024-cluster']);
      expect(await ids({ reportable: false })).toEqual([]);
      // The partner sees the clusters (they take the facility's marking); another organisation does not.
      expect((await getCluster(ctx, viewerOf(w.lab), big.id)).name).toBe('big');
      await expect(getCluster(ctx, viewerOf(w.outsider), big.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await listClusters(ctx, viewerOf(w.outsider), {}, 50, 0)).total).toBe(0);
    });

    it('negative, absurd, fractional counts and unknown chips: every field named, nothing written', async () => {
      const before = await rows(frontierClusters);
      const err = await registerCluster(ctx, w.cloud, {
        facilityId,
        name: 'bad',
        inventory: [
          { acceleratorId: 'nvidia-h900', count: 8 },
          { acceleratorId: 'nvidia-h100-sxm', count: -8 },
          { acceleratorId: 'amd-mi300x', count: 2.5 },
          { acceleratorId: 'google-tpu-v5p', count: 2e7 },
        ],
        interconnectGbps: -1,
        status: 'operational',
      }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'VALIDATION' });
      const details = (err as { details: { path: string; message: string }[] }).details;
      expect(details.map((d) => d.path)).toEqual([
        '/inventory/0/acceleratorId',
        '/inventory/1/count',
        '/inventory/2/count',
        '/inventory/3/count',
        '/interconnectGbps',
      ]);
      expect(details[0]!.message).toMatch(/known: .*nvidia-h100-sxm/);
      await expect(
        registerCluster(ctx, w.outsider, { facilityId, name: 'x', inventory: [{ acceleratorId: 'nvidia-h100-sxm', count: -1 }], status: 'planned' }),
      ).rejects.toMatchObject({ code: 'VALIDATION', details: [{ path: '/inventory/0/count' }, { path: '/facilityId', message: 'no such facility' }] });
      await expect(registerCluster(ctx, w.lab, { facilityId, name: 'x', inventory: [], status: 'planned' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await rows(frontierClusters)).toBe(before);
    });
  });

  describe('training runs, facts and designation reviews', () => {
    const reviewsOf = async (versionId: string) => (await listVisibleReviews(ctx.db, SYSTEM, { versionId }, 10, 0)).items;
    const crossings = async (versionId: string) =>
      (await ctx.db.select().from(frontierComputeCrossings).where(eq(frontierComputeCrossings.versionId, versionId))).map((c) => c.threshold).sort();
    const fact = async (versionId: string, key: string) => (await listCurrentFacts(ctx, viewerOf(w.lab), versionId)).find((f) => f.key === key)?.value;

    it('at exactly 1e25 no review; one FLOP over opens exactly one, with the facts; re-saving opens none; 1e26 joins it', async () => {
      const versionId = await bareVersion(ctx, w.lab);
      const cluster = (await listClusters(ctx, viewerOf(w.lab), { facilityId, reportable: true }, 1, 0)).items[0]!.id;
      await saveTrainingRun(ctx, w.lab, {
        versionId,
        name: 'pre',
        clusterIds: [cluster],
        flop: { pretraining: 7e24 },
        startedAt: '2026-01-01',
        endedAt: '2026-03-01',
      });
      await saveTrainingRun(ctx, w.lab, { versionId, name: 'post', flop: { fineTuning: 2e24, reinforcementLearning: 1e24 } });
      expect(await fact(versionId, 'trainingCompute.pretraining')).toBe(7e24);
      expect(await fact(versionId, 'trainingCompute.reinforcementLearning')).toBe(1e24);
      await runReviewJobs(ctx);
      expect(await reviewsOf(versionId)).toEqual([]);

      // One FLOP more, in another phase: 1.0000000000000000000000001e25 > 1e25.
      await saveTrainingRun(ctx, w.lab, { versionId, name: 'tweak', flop: { other: 1 } });
      expect(await runReviewJobs(ctx)).toBeGreaterThan(0);
      const [review, ...more] = await reviewsOf(versionId);
      expect(more).toEqual([]);
      expect(review).toMatchObject({ trigger: 'rule_result', state: 'proposed' });
      expect(review!.detail).toContain('training-compute-1e25@2025-08-02: cumulative training compute 1.0000000000000000000000001e25 FLOP > 1e25 FLOP');
      expect(review!.detail).toContain('pretraining=7e24');

      // Re-saving (re-importing) the same runs: no fact changes, no crossing, no job, no review.
      await saveTrainingRun(ctx, w.lab, { versionId, name: 'tweak', flop: { other: 1 } });
      await saveTrainingRun(ctx, w.lab, {
        versionId,
        name: 'pre',
        clusterIds: [cluster],
        flop: { pretraining: 7e24 },
        startedAt: '2026-01-01',
        endedAt: '2026-03-01',
      });
      expect(await runReviewJobs(ctx)).toBe(0);
      expect(await reviewsOf(versionId)).toHaveLength(1);

      // Exactly 1e26 (9.7e25 + 2e24 + 1e24 + 0) crosses nothing new; one FLOP more asks again and joins the open review.
      await saveTrainingRun(ctx, w.lab, { versionId, name: 'tweak', flop: { other: 0 } });
      await saveTrainingRun(ctx, w.lab, { versionId, name: 'pre', clusterIds: [cluster], flop: { pretraining: 9.7e25 } });
      expect(await fact(versionId, 'trainingCompute.pretraining')).toBe(9.7e25);
      await runReviewJobs(ctx);
      expect(await crossings(versionId)).toEqual(['training-compute-1e25']);
      expect(await reviewsOf(versionId)).toHaveLength(1);
      await saveTrainingRun(ctx, w.lab, { versionId, name: 'tweak', flop: { other: 1 } });
      expect(await runReviewJobs(ctx)).toBeGreaterThan(0);
      expect(await crossings(versionId)).toEqual(['training-compute-1e25', 'training-compute-1e26']);
      expect(await reviewsOf(versionId)).toHaveLength(1);
    });

    it('runs are the version’s: the lab sees its runs, the cloud and outsiders do not', async () => {
      const versionId = await bareVersion(ctx, w.lab);
      const run = await saveTrainingRun(ctx, w.lab, { versionId, name: 'r', flop: { pretraining: 1e23 } });
      expect((await getTrainingRun(ctx, viewerOf(w.lab), run.id)).flop.pretraining).toBe(1e23);
      await expect(getTrainingRun(ctx, viewerOf(w.cloud), run.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await listTrainingRuns(ctx, viewerOf(w.outsider), { versionId }, 10, 0)).total).toBe(0);
      expect((await listTrainingRuns(ctx, viewerOf(w.lab), { versionId }, 10, 0)).total).toBe(1);
    });

    it('bad runs: every field named, nothing written; another lab may not record runs of this version', async () => {
      const versionId = await bareVersion(ctx, w.lab);
      const before = await rows(frontierTrainingRuns);
      await expect(
        saveTrainingRun(ctx, w.lab, {
          versionId,
          name: 'bad',
          clusterIds: ['00000000-0000-4000-8000-000000000001'],
          flop: { pretraining: -1, fineTuning: 1e33 },
          startedAt: '2026-02-01T00:00:00Z',
          endedAt: '2026-01-01T00:00:00Z',
        }),
      ).rejects.toMatchObject({
        code: 'VALIDATION',
        details: [{ path: '/flop/pretraining' }, { path: '/flop/fineTuning' }, { path: '/endedAt' }, { path: '/clusterIds/0', message: 'no such cluster' }],
      });
      await expect(saveTrainingRun(ctx, w.outsider, { versionId, name: 'x', flop: { pretraining: 1 } })).rejects.toMatchObject({
        code: 'VALIDATION',
        details: [{ path: '/versionId', message: 'no such model version' }],
      });
      await expect(saveTrainingRun(ctx, w.labViewer, { versionId, name: 'x', flop: { pretraining: 1 } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await rows(frontierTrainingRuns)).toBe(before);
      expect(await fact(versionId, 'trainingCompute.pretraining')).toBeUndefined();
    });
  });
});
