import { z } from 'zod';
import { EVENT_TYPES } from '../../domain/events/event';
import { CI_SECTORS, ORGANISATION_KINDS } from '../../domain/identity/organisation';
import { ROLES, TOKEN_SCOPES } from '../../domain/identity/roles';
import { CLASSIFICATIONS, CLEARANCES, TLP_LABELS } from '../../domain/policy/marking';
import { setupNeeded } from '../../services/setup';
import type { App, AppDeps } from '../app';

const label = (id: string) => id.charAt(0) + id.slice(1).toLowerCase().replace(/_/g, ' ');
const Option = z.object({ id: z.string(), label: z.string() });

/** Vocabularies for forms and clients (public: nothing here is sensitive). */
export function metaRoutes(app: App, { ctx }: AppDeps): void {
  app.get(
    '/api/meta',
    {
      schema: {
        tags: ['meta'],
        summary: 'Vocabularies: organisation kinds, sectors, roles, clearances, TLP, classifications, scopes, event types',
        security: [],
        response: {
          200: z
            .object({
              organisationKinds: z.array(Option),
              sectors: z.array(Option),
              roles: z.array(Option),
              clearances: z.array(Option),
              tlp: z.array(z.string()),
              classifications: z.array(Option),
              tokenScopes: z.array(Option),
              eventTypes: z.array(z.string()),
              setupNeeded: z.boolean(),
            })
            .meta({ id: 'Vocabularies' }),
        },
      },
    },
    async () => ({
      organisationKinds: ORGANISATION_KINDS.map((k) => ({ ...k })),
      sectors: CI_SECTORS.map((s) => ({ ...s })),
      roles: ROLES.map((r) => ({ ...r })),
      clearances: CLEARANCES.map((c) => ({ id: c, label: label(c) })),
      tlp: [...TLP_LABELS],
      classifications: CLASSIFICATIONS.map((c) => ({ id: c, label: label(c) })),
      tokenScopes: TOKEN_SCOPES.map((s) => ({ ...s })),
      eventTypes: [...EVENT_TYPES],
      setupNeeded: await setupNeeded(ctx),
    }),
  );
}
