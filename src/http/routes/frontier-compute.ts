import { changeCluster, getCluster, listClusters, registerCluster } from '../../services/frontier/compute-clusters';
import { changeFacility, getFacility, listFacilities, registerFacility } from '../../services/frontier/compute-facilities';
import { getTrainingRun, listTrainingRuns, saveTrainingRun } from '../../services/frontier/compute-runs';
import { acceleratorCatalogue } from '../../services/frontier/compute-views';
import type { App, AppDeps } from '../app';
import { principal, viewer } from '../auth';
import { errors, IdParams, page } from '../schemas';
import {
  AcceleratorCatalogue,
  Cluster,
  ClusterBody,
  ClusterFilter,
  ClusterPatch,
  Facility,
  FacilityBody,
  FacilityFilter,
  FacilityPatch,
  TrainingRun,
  TrainingRunBody,
  TrainingRunFilter,
} from './frontier-compute-schemas';

/** `true` / `false` / a rule id, from the query string. */
const reportableFilter = (s: string | undefined): boolean | string | undefined =>
  s === undefined ? undefined : s === 'true' ? true : s === 'false' ? false : s;

/**
 * The compute registry (issue 12, ADR 0104): the accelerator catalogue with TPP, performance
 * density and ECCN; facilities (their location shown by the policy's location rule); clusters
 * with computed figures and reportable flags; training runs, whose sums become the version's facts.
 */
export function frontierComputeRoutes(app: App, { ctx }: AppDeps): void {
  const tags = ['frontier-compute'];
  app.get(
    '/api/frontier/accelerators',
    {
      schema: {
        tags,
        summary: 'The accelerator catalogue with TPP, performance density and export classification',
        response: { 200: AcceleratorCatalogue, ...errors(401) },
      },
    },
    async (req) => {
      principal(req, 'read');
      return acceleratorCatalogue();
    },
  );
  app.get(
    '/api/frontier/facilities',
    {
      schema: {
        tags,
        summary: 'Compute facilities you may see (`country` matches only locations you may see)',
        querystring: FacilityFilter,
        response: { 200: page(Facility), ...errors(400) },
      },
    },
    async (req) => {
      const { limit, offset, owner, ...f } = req.query;
      return listFacilities(ctx, viewer(req), { ...f, ownerOrganisationId: owner }, limit, offset);
    },
  );
  app.post(
    '/api/frontier/facilities',
    { schema: { tags, summary: 'Register a facility of your organisation', body: FacilityBody, response: { 201: Facility, ...errors(400, 401, 403) } } },
    async (req, reply) => reply.code(201).send(await registerFacility(ctx, principal(req, 'write'), req.body)),
  );
  app.get(
    '/api/frontier/facilities/:id',
    {
      schema: {
        tags,
        summary: 'One facility (its location only if the location rule lets you)',
        params: IdParams,
        response: { 200: Facility, ...errors(404) },
      },
    },
    async (req) => getFacility(ctx, viewer(req), req.params.id),
  );
  app.patch(
    '/api/frontier/facilities/:id',
    { schema: { tags, summary: 'Change a facility', params: IdParams, body: FacilityPatch, response: { 200: Facility, ...errors(400, 401, 403, 404) } } },
    async (req) => changeFacility(ctx, principal(req, 'write'), req.params.id, req.body),
  );
  app.get(
    '/api/frontier/clusters',
    {
      schema: {
        tags,
        summary: 'Clusters you may see, with computed figures and flags',
        querystring: ClusterFilter,
        response: { 200: page(Cluster), ...errors(400) },
      },
    },
    async (req) => {
      const { limit, offset, owner, reportable, ...f } = req.query;
      return listClusters(ctx, viewer(req), { ...f, ownerOrganisationId: owner, reportable: reportableFilter(reportable) }, limit, offset);
    },
  );
  app.post(
    '/api/frontier/clusters',
    {
      schema: {
        tags,
        summary: 'Register a cluster in a facility of your organisation',
        body: ClusterBody,
        response: { 201: Cluster, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await registerCluster(ctx, principal(req, 'write'), req.body)),
  );
  app.get(
    '/api/frontier/clusters/:id',
    {
      schema: {
        tags,
        summary: 'One cluster with its computed figures, flags and export classes',
        params: IdParams,
        response: { 200: Cluster, ...errors(404) },
      },
    },
    async (req) => getCluster(ctx, viewer(req), req.params.id),
  );
  app.patch(
    '/api/frontier/clusters/:id',
    {
      schema: {
        tags,
        summary: 'Change a cluster (figures and flags are computed again)',
        params: IdParams,
        body: ClusterPatch,
        response: { 200: Cluster, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => changeCluster(ctx, principal(req, 'write'), req.params.id, req.body),
  );
  app.get(
    '/api/frontier/training-runs',
    { schema: { tags, summary: 'Training runs you may see', querystring: TrainingRunFilter, response: { 200: page(TrainingRun), ...errors(400) } } },
    async (req) => {
      const { limit, offset, ...f } = req.query;
      return listTrainingRuns(ctx, viewer(req), f, limit, offset);
    },
  );
  app.post(
    '/api/frontier/training-runs',
    {
      schema: {
        tags,
        summary: 'Save a training run of a model version (by name: saving again updates it); its sums become the version’s facts',
        body: TrainingRunBody,
        response: { 200: TrainingRun, ...errors(400, 401, 403) },
      },
    },
    async (req) => saveTrainingRun(ctx, principal(req, 'write'), req.body),
  );
  app.get(
    '/api/frontier/training-runs/:id',
    { schema: { tags, summary: 'One training run', params: IdParams, response: { 200: TrainingRun, ...errors(404) } } },
    async (req) => getTrainingRun(ctx, viewer(req), req.params.id),
  );
}
