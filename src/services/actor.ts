import type { Principal } from '../domain/identity/principal';

/** Who made a change, as the audit chain records it. */
export interface Actor {
  readonly userId: string | null;
  readonly organisationId: string | null;
  readonly label: string;
}

export const actorOf = (p: Principal): Actor => ({ userId: p.userId, organisationId: p.organisationId, label: p.label });

/** Changes made from the command line on the server's own database, by whoever runs it. */
export const CLI_ACTOR: Actor = Object.freeze({ userId: null, organisationId: null, label: 'system:cli' });

/** Changes made by the first-run setup. */
export const SETUP_ACTOR: Actor = Object.freeze({ userId: null, organisationId: null, label: 'system:setup' });
