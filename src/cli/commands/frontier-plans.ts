import { allPages, day, parseJsonObject, requireServer } from '../remote-verbs';
import { AppError } from '../../domain/errors';
import type { OkJson, RequestJson } from '../../client/operations';
import { ok } from '../client';
import { type GlobalOptions, printJson, println } from '../io';
import type { FrontierVerb } from './frontier';
import { readInput } from './validate';

type Plan = OkJson<'/api/frontier/plans/{id}', 'get'>;
/** A grant as the API takes it; the server checks every field and names the bad ones. */
type GrantBody = RequestJson<'/api/frontier/plans/{id}/grants', 'post'>;

/** One line of a plan's window: its status and figures (voluntary: a report, never a hold). */
function windowLine(p: Plan): string {
  const w = p.window;
  if (!w) return 'window: —';
  const late = w.status === 'late' ? ` (late by ${w.lateByDays} days)` : '';
  return `window: ${w.status}${late}, release ${day(w.releaseAt)}, lead time ${w.leadTimeDays} d, access ${w.effectiveAccessDays} of ${w.scheduledAccessDays} scheduled days${w.drift ? ', checkpoint drift' : ''}`;
}

/** Reads the JSON of `plans create`: `{ versionId, notes?, grants?: [grant…] }`. */
function parsePlanFile(text: string): { versionId: string; notes?: string; grants: GrantBody[] } {
  const v = parseJsonObject(text, 'the plan file', 'a plan');
  if (typeof v.versionId !== 'string')
    throw new AppError('VALIDATION', '/versionId: required (the model version the plan is for)', [{ path: '/versionId', message: 'required' }]);
  if (v.grants !== undefined && !Array.isArray(v.grants))
    throw new AppError('VALIDATION', '/grants: must be an array', [{ path: '/grants', message: 'must be an array' }]);
  return { versionId: v.versionId, ...(typeof v.notes === 'string' ? { notes: v.notes } : {}), grants: (v.grants as GrantBody[] | undefined) ?? [] };
}

/**
 * `aisc frontier plans …`: voluntary pre-release access plans on a server — the plans one may
 * see with their live window, one plan with its grants, and a new plan (with grants) from a
 * JSON file.
 */
export const plansVerb: FrontierVerb = (frontier, io) => {
  const plans = frontier.command('plans').description('voluntary pre-release access plans (with --server and --token)');

  plans
    .command('list')
    .description('the access plans you may see, newest first, with their window status')
    .action(async (_o: unknown, cmd) => {
      const globals = cmd.optsWithGlobals() as GlobalOptions;
      const client = requireServer(io, globals, 'Plan verbs');
      const items: Plan[] = await allPages((page) => ok(client.GET('/api/frontier/plans', { params: { query: page } })));
      if (globals.json) return printJson(io, items);
      for (const p of items)
        println(
          io,
          `${p.id}  ${(p.window?.status ?? '—').padEnd(15)} ${p.version ? `${p.version.modelName} ${p.version.version}` : p.versionId}  ${p.grants.length} grant${p.grants.length === 1 ? '' : 's'}`,
        );
      println(io, `${items.length} plan${items.length === 1 ? '' : 's'}`);
    });

  plans
    .command('show')
    .description('one access plan: its window, grants and outages')
    .argument('<plan>', 'the plan id')
    .action(async (id: string, _o: unknown, cmd) => {
      const globals = cmd.optsWithGlobals() as GlobalOptions;
      const p = await ok(requireServer(io, globals, 'Plan verbs').GET('/api/frontier/plans/{id}', { params: { path: { id } } }));
      if (globals.json) return printJson(io, p);
      println(io, `plan ${p.id} for ${p.version ? `${p.version.modelName} ${p.version.version}` : `version ${p.versionId}`}`);
      println(io, windowLine(p));
      println(io, `policy: ${p.policy.mode} ${p.policy.windowDays} days before the ${p.policy.milestone} release`);
      for (const g of p.grants) {
        println(io, `grant ${g.id}: ${g.accessKind} in ${g.environment} to ${g.granteeOrganisationId}, ${day(g.startsAt)} → ${day(g.endsAt)}`);
        for (const o of g.outages) println(io, `  outage ${day(o.startsAt)} → ${day(o.endsAt)}${o.reason ? `: ${o.reason}` : ''}`);
        if (g.terms) println(io, `  terms v${g.terms.termsVersion}: acknowledged by ${g.terms.acknowledgements.map((a) => a.side).join(', ') || 'nobody yet'}`);
      }
    });

  plans
    .command('create')
    .description('make the access plan of a version from a JSON file ({versionId, notes?, grants?}; - for stdin)')
    .argument('<file>', 'the plan file')
    .action(async (file: string, _o: unknown, cmd) => {
      const globals = cmd.optsWithGlobals() as GlobalOptions;
      const client = requireServer(io, globals, 'Plan verbs');
      const input = parsePlanFile(await readInput(io, file));
      let p = await ok(client.POST('/api/frontier/plans', { body: { versionId: input.versionId, ...(input.notes ? { notes: input.notes } : {}) } }));
      for (const [i, g] of input.grants.entries()) {
        try {
          p = await ok(client.POST('/api/frontier/plans/{id}/grants', { params: { path: { id: p.id } }, body: g }));
        } catch (err) {
          if (err instanceof AppError) throw new AppError(err.code, `plan ${p.id} made; grant ${i}: ${err.message}`, err.details);
          throw err;
        }
      }
      if (globals.json) return printJson(io, p);
      println(io, `plan ${p.id}: ${p.grants.length} grant${p.grants.length === 1 ? '' : 's'}`);
      println(io, windowLine(p));
    });
};
