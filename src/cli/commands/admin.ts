import { Option } from 'commander';
import { AppError } from '../../domain/errors';
import { ORGANISATION_KIND_IDS, SECTOR_IDS } from '../../domain/identity/organisation';
import { ROLE_IDS, SCOPE_IDS, type Scope } from '../../domain/identity/roles';
import { CLEARANCES, type Clearance } from '../../domain/policy/marking';
import { CLI_ACTOR } from '../../services/actor';
import { createOrganisation } from '../../services/organisations';
import { createToken } from '../../services/tokens';
import { createUser, updateUserStanding } from '../../services/users';
import { organisationIdByRef, userIdByEmail } from '../../services/lookup';
import type { AiscClient } from '../../client';
import { ok, remoteClient } from '../client';
import { printJson, println, readStdin, type GlobalOptions } from '../io';
import { withLocalRuntime } from '../local';
import type { CommandModule } from './index';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An organisation by id or exact name (case-insensitive) through the API. */
async function remoteOrganisationId(client: AiscClient, ref: string): Promise<string> {
  if (UUID.test(ref)) return ref;
  const page = await ok(client.GET('/api/organisations', { params: { query: { q: ref, limit: 500 } } }));
  const hit = page.items.find((o) => o.name.toLowerCase() === ref.toLowerCase());
  if (!hit) throw new AppError('NOT_FOUND', `organisation '${ref}' not found`);
  return hit.id;
}

/** A user id by email through the API (the listing has no email filter: page through it). */
async function remoteUserId(client: AiscClient, email: string): Promise<string> {
  for (let offset = 0; ; offset += 500) {
    const page = await ok(client.GET('/api/users', { params: { query: { limit: 500, offset } } }));
    const hit = page.items.find((u) => u.email.toLowerCase() === email.toLowerCase());
    if (hit) return hit.id;
    if (offset + 500 >= page.total) throw new AppError('NOT_FOUND', `user '${email}' not found`);
  }
}

/**
 * `aisc admin …`: directory administration, on the local database as the operator who runs
 * the command (audited as `system:cli`), or with --server/--token through the API as the
 * token's user. Secrets (tokens, invitation links) print once, and only after the write that
 * stores them has committed (the service returns after its transaction).
 */
export const adminCommand: CommandModule = (program, io) => {
  const admin = program
    .command('admin')
    .description('administer organisations, users and tokens (on the local database, or with --server/--token through the API)');
  const out = (cmd: { optsWithGlobals(): unknown }, value: unknown, line: string) =>
    (cmd.optsWithGlobals() as GlobalOptions).json ? printJson(io, value) : println(io, line);

  admin
    .command('create-organisation')
    .description('create an organisation')
    .requiredOption('--name <name>', 'organisation name')
    .addOption(new Option('--kind <kind>', 'organisation kind').choices(ORGANISATION_KIND_IDS).makeOptionMandatory())
    .addOption(new Option('--sector <sector...>', 'critical-infrastructure sector(s)').choices(SECTOR_IDS))
    .option('--client-of <organisation>', 'the organisation (name or id) this one is a client of')
    .option('--coordinator', 'a coordinating organisation (its admins administer the platform)')
    .action(
      async (
        o: { name: string; kind: (typeof ORGANISATION_KIND_IDS)[number]; sector?: (typeof SECTOR_IDS)[number][]; clientOf?: string; coordinator?: boolean },
        cmd,
      ) => {
        const client = remoteClient(io, cmd.optsWithGlobals() as GlobalOptions);
        if (client) {
          const body = {
            name: o.name,
            kind: o.kind,
            sectors: o.sector ?? [],
            parentId: o.clientOf ? await remoteOrganisationId(client, o.clientOf) : null,
            coordinator: o.coordinator ?? false,
          };
          const made = await ok(client.POST('/api/organisations', { body }));
          return out(cmd, made, `created organisation ${made.name} (${made.id})`);
        }
        const org = await withLocalRuntime(io, async (rt) =>
          createOrganisation(rt.ctx, CLI_ACTOR, {
            name: o.name,
            kind: o.kind,
            sectors: o.sector ?? [],
            parentId: o.clientOf ? await organisationIdByRef(rt.ctx, o.clientOf) : null,
            coordinator: o.coordinator ?? false,
          }),
        );
        out(cmd, org, `created organisation ${org.name} (${org.id})`);
      },
    );

  admin
    .command('create-user')
    .description('create a user: with --password it is active at once, otherwise an invitation link is printed (once)')
    .requiredOption('--email <email>', 'email address (the login)')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--organisation <organisation>', 'organisation name or id')
    .addOption(new Option('--role <role>', 'role').choices(ROLE_IDS).default('member'))
    .addOption(new Option('--clearance <level>', 'clearance').choices(CLEARANCES).default('NONE'))
    .option('--password-stdin', 'read the password from the first line of stdin (kept out of shell history)')
    .action(
      async (o: { email: string; name: string; organisation: string; role: (typeof ROLE_IDS)[number]; clearance: Clearance; passwordStdin?: boolean }, cmd) => {
        let password: string | undefined;
        if (o.passwordStdin) {
          password = (await readStdin(io)).split(/\r?\n/)[0] ?? '';
        }
        const client = remoteClient(io, cmd.optsWithGlobals() as GlobalOptions);
        if (client) {
          // Over the API a user is always invited: passwords are set by their owner.
          if (password !== undefined)
            throw new AppError('VALIDATION', '--password-stdin works on the local database only; over --server the user is invited', [
              { path: '/password', message: 'not allowed with --server' },
            ]);
          const body = {
            email: o.email,
            name: o.name,
            organisationId: await remoteOrganisationId(client, o.organisation),
            role: o.role,
            clearance: o.clearance,
          };
          const made = await ok(client.POST('/api/users', { body }));
          return out(cmd, made, `created user ${made.user.email} (${made.user.id}); invitation link (shown once):\n${made.invitation.url}`);
        }
        const r = await withLocalRuntime(io, async (rt) =>
          createUser(rt.ctx, CLI_ACTOR, {
            email: o.email,
            name: o.name,
            organisationId: await organisationIdByRef(rt.ctx, o.organisation),
            role: o.role,
            clearance: o.clearance,
            password,
          }),
        );
        out(
          cmd,
          { user: r.user, invitation: r.invitation },
          r.invitation
            ? `created user ${r.user.email} (${r.user.id}); invitation link (shown once):\n${r.invitation.url}`
            : `created user ${r.user.email} (${r.user.id}), active`,
        );
      },
    );

  admin
    .command('set-user')
    .description("change a user's role, clearance or status")
    .requiredOption('--email <email>', 'the user')
    .addOption(new Option('--role <role>', 'new role').choices(ROLE_IDS))
    .addOption(new Option('--clearance <level>', 'new clearance').choices(CLEARANCES))
    .option('--disable', 'disable the user (ends their sessions)')
    .option('--enable', 'enable the user again')
    .action(async (o: { email: string; role?: (typeof ROLE_IDS)[number]; clearance?: Clearance; disable?: boolean; enable?: boolean }, cmd) => {
      if (o.disable && o.enable)
        throw new AppError('VALIDATION', '--disable and --enable exclude each other', [{ path: '/disable', message: 'conflicts with --enable' }]);
      const change = { role: o.role, clearance: o.clearance, disabled: o.disable ? true : o.enable ? false : undefined };
      const client = remoteClient(io, cmd.optsWithGlobals() as GlobalOptions);
      const u = client
        ? await ok(
            client.PATCH('/api/users/{id}', {
              params: { path: { id: await remoteUserId(client, o.email) } },
              // JSON leaves the unchanged (undefined) fields out.
              body: change,
            }),
          )
        : await withLocalRuntime(io, async (rt) => updateUserStanding(rt.ctx, CLI_ACTOR, await userIdByEmail(rt.ctx, o.email), change));
      out(cmd, u, `updated ${u.email}: role ${u.role}, clearance ${u.clearance}, ${u.status}`);
    });

  admin
    .command('create-token')
    .description("create an API token for a user (printed once); over --server only for the token's own user")
    .requiredOption('--email <email>', 'the user')
    .requiredOption('--name <name>', 'what the token is for')
    .addOption(new Option('--scope <scope...>', 'scopes').choices(SCOPE_IDS).default(['read', 'write']))
    .option('--expires-in-days <days>', 'expiry in days', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 3650)
        throw new AppError('VALIDATION', '--expires-in-days must be a whole number from 1 to 3650', [{ path: '/expiresInDays', message: 'out of range' }]);
      return n;
    })
    .action(async (o: { email: string; name: string; scope: Scope[]; expiresInDays?: number }, cmd) => {
      const input = { name: o.name, scopes: o.scope, ...(o.expiresInDays ? { expiresInDays: o.expiresInDays } : {}) };
      const client = remoteClient(io, cmd.optsWithGlobals() as GlobalOptions);
      if (client) {
        // The API creates tokens for their caller only (POST /api/tokens): no route mints one for someone else.
        const session = await ok(client.GET('/api/session'));
        if (session.user.email.toLowerCase() !== o.email.toLowerCase()) {
          throw new AppError(
            'VALIDATION',
            `over --server a token can be created only for the token's own user (${session.user.email}); ${o.email} creates theirs in the web UI`,
            [{ path: '/email', message: 'not the caller' }],
          );
        }
        const made = await ok(client.POST('/api/tokens', { body: input }));
        return out(cmd, made, made.secret);
      }
      const r = await withLocalRuntime(io, async (rt) => createToken(rt.ctx, CLI_ACTOR, await userIdByEmail(rt.ctx, o.email), input));
      out(cmd, r, r.secret);
    });
};
