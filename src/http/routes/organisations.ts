import { z } from 'zod';
import { createOrganisation, getOrganisation, searchOrganisations, updateOrganisationFacts } from '../../services/organisations';
import type { App, AppDeps } from '../app';
import { principal } from '../auth';
import { errors, IdParams, Name, Organisation, OrganisationKind, page, Paging, Sector, Uuid } from '../schemas';

const OrganisationBody = z.strictObject({
  name: Name,
  kind: OrganisationKind,
  sectors: z.array(Sector).max(16).optional(),
  parentId: Uuid.nullable().optional(),
  coordinator: z.boolean().optional(),
});

export function organisationRoutes(app: App, { ctx }: AppDeps): void {
  const tags = ['organisations'];
  app.get(
    '/api/organisations',
    {
      schema: {
        tags,
        summary: 'The organisation directory',
        querystring: z.strictObject({ q: z.string().max(200).optional(), kind: OrganisationKind.optional(), ...Paging }),
        response: { 200: page(Organisation), ...errors(400, 401) },
      },
    },
    async (req) => {
      principal(req);
      return searchOrganisations(ctx, req.query);
    },
  );
  app.get(
    '/api/organisations/:id',
    { schema: { tags, summary: 'One organisation', params: IdParams, response: { 200: Organisation, ...errors(401, 404) } } },
    async (req) => {
      principal(req);
      return getOrganisation(ctx, req.params.id);
    },
  );
  app.post(
    '/api/organisations',
    {
      schema: {
        tags,
        summary: 'Create an organisation (platform administrators)',
        body: OrganisationBody,
        response: { 201: Organisation, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const o = await createOrganisation(ctx, principal(req, 'admin'), req.body);
      return reply.code(201).send(o);
    },
  );
  app.patch(
    '/api/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Change an organisation (platform administrators)',
        params: IdParams,
        body: OrganisationBody.partial(),
        response: { 200: Organisation, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => updateOrganisationFacts(ctx, principal(req, 'admin'), req.params.id, req.body),
  );
}
