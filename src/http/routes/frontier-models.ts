import { countModels, createModel, getModel, searchModels, updateModelDetails, addVersion, updateVersionPlan } from '../../services/frontier/models';
import { declareFacts, factHistory, listCurrentFacts } from '../../services/frontier/facts';
import { addCheckpoint, addLineage, listCheckpoints, listLineage } from '../../services/frontier/lineage';
import { evaluateVersionNow, latestEvaluation } from '../../services/frontier/evaluation';
import { getVersion, searchVersions } from '../../services/frontier/versions';
import type { App, AppDeps } from '../app';
import { principal, viewer } from '../auth';
import { errors, IdParams, page, Paging } from '../schemas';
import { z } from 'zod';
import {
  CheckpointBody,
  FactKeyParams,
  FactsBody,
  FrontierCheckpoint,
  FrontierCheckpointList,
  FrontierFactList,
  FrontierLineage,
  FrontierLineageEdge,
  FrontierModel,
  FrontierModelCount,
  FrontierModelDetail,
  FrontierVersion,
  FrontierVersionDetail,
  FrontierVersionEvaluation,
  FrontierVersionListItem,
  LineageBody,
  ModelBody,
  ModelFilter,
  ModelPatchBody,
  VersionBody,
  VersionPatchBody,
} from './frontier-registry-schemas';

/**
 * The frontier-model registry (issue 11, ADR 0085): a developer's models, versions,
 * checkpoints, lineage and facts, and what every rule set says about them. What a caller may
 * not see answers 404 and is absent from lists and counts; only a writer of the developer changes
 * a model. Voluntary: nothing here holds back a release.
 */
export function frontierModelRoutes(app: App, { ctx }: AppDeps): void {
  const tags = ['frontier'];
  const version = { params: IdParams };
  app.get(
    '/api/frontier/models',
    {
      schema: {
        tags,
        summary: 'Frontier models you may see, newest first',
        querystring: z.strictObject({ ...ModelFilter, ...Paging }),
        response: { 200: page(FrontierModel), ...errors(400) },
      },
    },
    async (req) => searchModels(ctx, viewer(req), req.query),
  );
  app.get(
    '/api/frontier/models/count',
    {
      schema: {
        tags,
        summary: 'How many frontier models you may see',
        querystring: z.strictObject(ModelFilter),
        response: { 200: FrontierModelCount, ...errors(400) },
      },
    },
    async (req) => ({ count: await countModels(ctx, viewer(req), req.query) }),
  );
  app.post(
    '/api/frontier/models',
    {
      schema: {
        tags,
        summary: 'Register a model (with its first versions and their facts, in one transaction)',
        body: ModelBody,
        response: { 201: FrontierModelDetail, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await createModel(ctx, principal(req, 'write'), req.body)),
  );
  app.get(
    '/api/frontier/models/:id',
    { schema: { tags, summary: 'One model with the versions you may see', params: IdParams, response: { 200: FrontierModelDetail, ...errors(404) } } },
    async (req) => getModel(ctx, viewer(req), req.params.id),
  );
  app.patch(
    '/api/frontier/models/:id',
    {
      schema: {
        tags,
        summary: 'Change a model (a writer of its developer)',
        params: IdParams,
        body: ModelPatchBody,
        response: { 200: FrontierModel, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => updateModelDetails(ctx, principal(req, 'write'), req.params.id, req.body),
  );
  app.post(
    '/api/frontier/models/:id/versions',
    {
      schema: {
        tags,
        summary: 'Add a version (a writer of the developer)',
        params: IdParams,
        body: VersionBody,
        response: { 201: FrontierVersion, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await addVersion(ctx, principal(req, 'write'), req.params.id, req.body)),
  );
  app.get(
    '/api/frontier/versions',
    {
      schema: {
        tags,
        summary: 'Versions across the models you may see, newest first (q: part of the model name or version)',
        querystring: z.strictObject({ q: z.string().max(200).optional(), ...Paging }),
        response: { 200: page(FrontierVersionListItem), ...errors(400) },
      },
    },
    async (req) => searchVersions(ctx, viewer(req), req.query),
  );
  app.get(
    '/api/frontier/versions/:id',
    {
      schema: {
        tags,
        summary: 'One version: its model, checkpoints, lineage and current facts',
        ...version,
        response: { 200: FrontierVersionDetail, ...errors(404) },
      },
    },
    async (req) => getVersion(ctx, viewer(req), req.params.id),
  );
  app.patch(
    '/api/frontier/versions/:id',
    {
      schema: {
        tags,
        summary: 'Change the release plan of a version (channels, planned dates, actual release)',
        ...version,
        body: VersionPatchBody,
        response: { 200: FrontierVersion, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => updateVersionPlan(ctx, principal(req, 'write'), req.params.id, req.body),
  );
  app.get(
    '/api/frontier/versions/:id/checkpoints',
    { schema: { tags, summary: 'The checkpoints of a version', ...version, response: { 200: FrontierCheckpointList, ...errors(404) } } },
    async (req) => ({ items: await listCheckpoints(ctx, viewer(req), req.params.id) }),
  );
  app.post(
    '/api/frontier/versions/:id/checkpoints',
    {
      schema: {
        tags,
        summary: 'Add a checkpoint (sha256:<64 hex>)',
        ...version,
        body: CheckpointBody,
        response: { 201: FrontierCheckpoint, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await addCheckpoint(ctx, principal(req, 'write'), req.params.id, req.body)),
  );
  app.get(
    '/api/frontier/versions/:id/lineage',
    { schema: { tags, summary: 'Where a version came from, and what came from it', ...version, response: { 200: FrontierLineage, ...errors(404) } } },
    async (req) => listLineage(ctx, viewer(req), req.params.id),
  );
  app.post(
    '/api/frontier/versions/:id/lineage',
    {
      schema: {
        tags,
        summary: 'Record a parent of a version (base model, fine-tune, distillation, merge)',
        ...version,
        body: LineageBody,
        response: { 201: FrontierLineageEdge, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await addLineage(ctx, principal(req, 'write'), req.params.id, req.body)),
  );
  app.get(
    '/api/frontier/versions/:id/facts',
    {
      schema: {
        tags,
        summary: 'The current facts of a version (the newest declaration of each)',
        ...version,
        response: { 200: FrontierFactList, ...errors(404) },
      },
    },
    async (req) => ({ items: await listCurrentFacts(ctx, viewer(req), req.params.id) }),
  );
  app.post(
    '/api/frontier/versions/:id/facts',
    {
      schema: {
        tags,
        summary: 'Declare facts (each a new entry in its history); the version is evaluated again',
        ...version,
        body: FactsBody,
        response: { 201: FrontierFactList, ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => reply.code(201).send({ items: await declareFacts(ctx, principal(req, 'write'), req.params.id, req.body.facts) }),
  );
  app.get(
    '/api/frontier/versions/:id/facts/:key',
    { schema: { tags, summary: 'Every declaration of one fact, oldest first', params: FactKeyParams, response: { 200: FrontierFactList, ...errors(404) } } },
    async (req) => ({ items: await factHistory(ctx, viewer(req), req.params.id, req.params.key) }),
  );
  app.get(
    '/api/frontier/versions/:id/evaluation',
    {
      schema: {
        tags,
        summary: 'What every rule set says about a version: the newest result per rule set, and the history',
        ...version,
        response: { 200: FrontierVersionEvaluation, ...errors(404) },
      },
    },
    async (req) => latestEvaluation(ctx, viewer(req), req.params.id),
  );
  app.post(
    '/api/frontier/versions/:id/evaluation',
    {
      schema: {
        tags,
        summary: 'Evaluate a version again now (a writer of its developer, or a platform administrator); recorded as history',
        ...version,
        response: { 200: FrontierVersionEvaluation, ...errors(401, 403, 404) },
      },
    },
    async (req) => evaluateVersionNow(ctx, principal(req, 'write'), req.params.id),
  );
}
