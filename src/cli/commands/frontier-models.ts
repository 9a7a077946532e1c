import { allPages, day, parseJsonObject, requireServer } from '../remote-verbs';
import type { paths } from '../../client';
import { ok } from '../client';
import { type GlobalOptions, printJson, println } from '../io';
import type { FrontierVerb } from './frontier';
import { readInput } from './validate';

type ModelDocument = paths['/api/frontier/models']['post']['requestBody']['content']['application/json'];

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
      const client = requireServer(io, globals, 'Model verbs');
      const items = await allPages((page) => ok(client.GET('/api/frontier/models', { params: { query: { ...page, ...(o.q ? { q: o.q } : {}) } } })));
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
      const client = requireServer(io, globals, 'Model verbs');
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
      const client = requireServer(io, globals, 'Model verbs');
      const doc = parseJsonObject(await readInput(io, file), file, 'a model');
      // The server checks every field and names each bad one; nothing is written unless all are good.
      const m = await ok(client.POST('/api/frontier/models', { body: doc as ModelDocument }));
      if (globals.json) return printJson(io, m);
      println(io, `registered ${m.name} ${m.id}`);
      for (const v of m.versions) println(io, `version ${v.version} ${v.id}`);
    });
};
