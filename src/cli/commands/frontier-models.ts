import type { AiscClient, paths } from '../../client';
import { AppError } from '../../domain/errors';
import { ok, remoteClient } from '../client';
import { type CliIo, type GlobalOptions, printJson, println } from '../io';
import type { FrontierVerb } from './frontier';
import { readInput } from './validate';

type ModelDocument = paths['/api/frontier/models']['post']['requestBody']['content']['application/json'];

/** The registry lives on the clearinghouse's server: these verbs need it. */
function server(io: CliIo, globals: GlobalOptions): AiscClient {
  const client = remoteClient(io, globals);
  if (!client)
    throw new AppError('VALIDATION', 'Model verbs talk to a server: give --server URL --token T (or AISC_SERVER, AISC_TOKEN)', [
      { path: '/server', message: 'required' },
    ]);
  return client;
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');
const PAGE = 200;

/**
 * `aisc frontier models …`: a lab's registry from a terminal — the models one may see, one
 * model with its versions and what every rule set says about each, and a model registered from a
 * JSON file (with its versions and their facts, in one transaction). Voluntary: recorded, never a gate.
 */
export const frontierModelsVerb: FrontierVerb = (frontier, io) => {
  const models = frontier.command('models').description('frontier models you may see (with --server and --token)');

  models
    .command('list')
    .description('the models you may see, newest first')
    .option('--q <text>', 'only models whose name or description contains this')
    .action(async (o: { q?: string }, cmd) => {
      const globals = cmd.optsWithGlobals() as GlobalOptions;
      const client = server(io, globals);
      const items = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await ok(client.GET('/api/frontier/models', { params: { query: { limit: PAGE, offset, ...(o.q ? { q: o.q } : {}) } } }));
        items.push(...page.items);
        if (offset + PAGE >= page.total) break;
      }
      if (globals.json) return printJson(io, items);
      for (const m of items) println(io, `${m.id}  ${m.marking.tlp.padEnd(12)} ${m.name}${m.family ? ` (${m.family})` : ''}`);
      println(io, `${items.length} model${items.length === 1 ? '' : 's'}`);
    });

  models
    .command('show')
    .description('one model: its versions, release plans and the newest result of every rule set')
    .argument('<model>', 'the model id')
    .action(async (id: string, _o: unknown, cmd) => {
      const globals = cmd.optsWithGlobals() as GlobalOptions;
      const client = server(io, globals);
      const m = await ok(client.GET('/api/frontier/models/{id}', { params: { path: { id } } }));
      const evaluations = [];
      for (const v of m.versions) evaluations.push(await ok(client.GET('/api/frontier/versions/{id}/evaluation', { params: { path: { id: v.id } } })));
      if (globals.json) return printJson(io, { ...m, evaluations: evaluations.map((e) => ({ versionId: e.versionId, latest: e.latest })) });
      println(io, `${m.name}${m.family ? ` (${m.family})` : ''} — TLP:${m.marking.tlp}`);
      if (m.modalities.length) println(io, `modalities: ${m.modalities.join(', ')}`);
      for (const [i, v] of m.versions.entries()) {
        println(
          io,
          `version ${v.version} ${v.id}: ${v.releaseChannels.join(', ') || 'no channel'}; trusted partners ${day(v.plannedTrustedPartnerRelease)}, general ${day(v.plannedGeneralRelease)}`,
        );
        for (const r of evaluations[i]?.latest ?? []) println(io, `  ${r.ruleSet}@${r.ruleSetVersion}: ${r.outcome}`);
      }
    });

  models
    .command('create')
    .description('register a model from a JSON file (- for stdin): name, family, modalities, marking, versions with facts')
    .argument('<file>', 'the model document')
    .action(async (file: string, _o: unknown, cmd) => {
      const globals = cmd.optsWithGlobals() as GlobalOptions;
      const client = server(io, globals);
      const text = await readInput(io, file);
      let doc: unknown;
      try {
        doc = JSON.parse(text);
      } catch (err) {
        throw new AppError('VALIDATION', `${file} is not JSON: ${err instanceof Error ? err.message : String(err)}`, [{ path: '', message: 'not JSON' }]);
      }
      if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
        throw new AppError('VALIDATION', `${file} must hold one JSON object (a model)`, [{ path: '', message: 'must be an object' }]);
      // The server checks every field and names each bad one; nothing is written unless all are good.
      const m = await ok(client.POST('/api/frontier/models', { body: doc as ModelDocument }));
      if (globals.json) return printJson(io, m);
      println(io, `registered ${m.name} ${m.id}`);
      for (const v of m.versions) println(io, `version ${v.version} ${v.id}`);
    });
};
