import { attest, changeAttestation, getAttestation, listAttestations, reviewAttestation } from '../../services/frontier/attestations';
import { addCatalogueVersion, listPracticeCatalogues, practiceCatalogue } from '../../services/frontier/practices';
import { developerScorecard, publishedScorecards, setStandardsSettings, standardsSettings } from '../../services/frontier/scorecards';
import type { App, AppDeps } from '../app';
import { principal, viewer } from '../auth';
import { errors, IdParams, page } from '../schemas';
import {
  AttestationBody,
  AttestationChange,
  AttestationFilter,
  AttestationReviewBody,
  CatalogueDocumentInput,
  CatalogueParams,
  FrontierAttestation,
  FrontierPracticeCatalogue,
  FrontierPracticeCatalogueList,
  FrontierPublishedScorecards,
  FrontierScorecard,
  FrontierStandardsSettings,
  OrganisationParams,
} from './frontier-standards-schemas';

/**
 * Voluntary standards (issue 12, ADR 0105): the practice catalogue's versions (public material,
 * read by anyone signed in; added by platform admins), organisations' attestations (their own,
 * and the coordinators', who review them), a developer's own scorecard, and the published
 * aggregates, which need no sign-in.
 */
export function frontierStandardsRoutes(app: App, { ctx }: AppDeps): void {
  const tags = ['frontier-standards'];
  app.get(
    '/api/frontier/practices',
    { schema: { tags, summary: 'Every version of the practice catalogue, newest first', response: { 200: FrontierPracticeCatalogueList, ...errors(401) } } },
    async (req) => {
      principal(req);
      return { items: await listPracticeCatalogues(ctx) };
    },
  );
  app.get(
    '/api/frontier/practices/:version',
    {
      schema: {
        tags,
        summary: 'One version of the practice catalogue',
        params: CatalogueParams,
        response: { 200: FrontierPracticeCatalogue, ...errors(401, 404) },
      },
    },
    async (req) => {
      principal(req);
      return practiceCatalogue(ctx, req.params.version);
    },
  );
  app.post(
    '/api/frontier/practices',
    {
      schema: {
        tags,
        summary: 'Add a version of the practice catalogue (platform administrators)',
        body: CatalogueDocumentInput,
        response: { 201: FrontierPracticeCatalogue, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await addCatalogueVersion(ctx, principal(req, 'admin'), req.body)),
  );
  app.get(
    '/api/frontier/attestations',
    {
      schema: {
        tags,
        summary: "Attestations you may see: your organisation's (the coordinators see every one)",
        querystring: AttestationFilter,
        response: { 200: page(FrontierAttestation), ...errors(400, 401) },
      },
    },
    async (req) => {
      principal(req);
      return listAttestations(ctx, viewer(req), req.query);
    },
  );
  app.post(
    '/api/frontier/attestations',
    {
      schema: {
        tags,
        summary: 'Attest a practice for your organisation (evidence where the practice requires it)',
        body: AttestationBody,
        response: { 201: FrontierAttestation, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await attest(ctx, principal(req, 'write'), { ...req.body, expiresAt: new Date(req.body.expiresAt) })),
  );
  app.get(
    '/api/frontier/attestations/:id',
    {
      schema: {
        tags,
        summary: 'One attestation, its standing computed now and its history',
        params: IdParams,
        response: { 200: FrontierAttestation, ...errors(401, 404) },
      },
    },
    async (req) => {
      principal(req);
      return getAttestation(ctx, viewer(req), req.params.id);
    },
  );
  app.put(
    '/api/frontier/attestations/:id',
    {
      schema: {
        tags,
        summary: 'Change an attestation (the earlier statement goes to its history; the review is cleared)',
        params: IdParams,
        body: AttestationChange,
        response: { 200: FrontierAttestation, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => changeAttestation(ctx, principal(req, 'write'), req.params.id, { ...req.body, expiresAt: new Date(req.body.expiresAt) }),
  );
  app.post(
    '/api/frontier/attestations/:id/review',
    {
      schema: {
        tags,
        summary: "Review an attestation (the clearinghouse's staff): accepted, or questioned with a comment",
        params: IdParams,
        body: AttestationReviewBody,
        response: { 200: FrontierAttestation, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => reviewAttestation(ctx, principal(req, 'write'), req.params.id, req.body),
  );
  app.get(
    '/api/frontier/scorecards/:organisationId',
    {
      schema: {
        tags,
        summary: "A developer's own scorecard (the developer and the coordinators); null means not tracked yet",
        params: OrganisationParams,
        response: { 200: FrontierScorecard, ...errors(401, 404) },
      },
    },
    async (req) => {
      principal(req);
      return developerScorecard(ctx, viewer(req), req.params.organisationId);
    },
  );
  app.get(
    '/api/frontier/scorecard-settings',
    { schema: { tags, summary: "The published scorecards' minimum group size", response: { 200: FrontierStandardsSettings, ...errors(401) } } },
    async (req) => {
      principal(req);
      return standardsSettings(ctx.db);
    },
  );
  app.put(
    '/api/frontier/scorecard-settings',
    {
      schema: {
        tags,
        summary: 'Set the minimum group size of the published scorecards (platform administrators)',
        body: FrontierStandardsSettings,
        response: { 200: FrontierStandardsSettings, ...errors(400, 401, 403) },
      },
    },
    async (req) => setStandardsSettings(ctx, principal(req, 'admin'), req.body),
  );
  app.get(
    '/api/public/frontier/scorecards',
    {
      schema: {
        tags: ['public'],
        summary: 'Scorecards published as aggregates across developers: small groups and their complements withheld (null)',
        security: [],
        response: { 200: FrontierPublishedScorecards },
      },
    },
    async () => publishedScorecards(ctx),
  );
}
