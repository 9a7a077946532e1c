import { allPages, day, parseJsonObject, requireServer } from '../remote-verbs';
import type { paths } from '../../client';
import { REVIEW_STATES } from '../../domain/frontier/review-states';
import { ok } from '../client';
import { type GlobalOptions, printJson, println } from '../io';
import type { FrontierVerb } from './frontier';
import { readInput } from './validate';

type InquiryDocument = paths['/api/frontier/inquiries']['post']['requestBody']['content']['application/json'];
type DecisionDocument = paths['/api/frontier/reviews/{id}/decision']['post']['requestBody']['content']['application/json'];

/**
 * `aisc frontier inquiries …`: "is my model covered?" from a terminal — a developer's coverage
 * inquiries, one with what the rule sets say and, once answered, the outcome, and a new one from
 * a JSON file (`{"versionId": "…", "question": "…"}`). Voluntary: recorded, never a gate.
 */
export const frontierInquiriesVerb: FrontierVerb = (frontier, io) => {
  const inquiries = frontier.command('inquiries').description('coverage inquiries: is my model covered? (with --server and --token)');

  inquiries
    .command('list')
    .description('the coverage inquiries you may see, newest first')
    .action(async (_o: unknown, cmd) => {
      const globals = cmd.optsWithGlobals() as GlobalOptions;
      const client = requireServer(io, globals, 'Designation verbs');
      const items = await allPages((page) => ok(client.GET('/api/frontier/inquiries', { params: { query: page } })));
      if (globals.json) return printJson(io, items);
      for (const q of items) println(io, `${q.id}  ${q.state.padEnd(9)} ${(q.designation?.outcome ?? '—').padEnd(14)} version ${q.versionId}`);
      println(io, `${items.length} inquir${items.length === 1 ? 'y' : 'ies'}`);
    });

  inquiries
    .command('show')
    .description('one inquiry: the question, what every rule set says, and the answer once given')
    .argument('<inquiry>', 'the inquiry id')
    .action(async (id: string, _o: unknown, cmd) => {
      const globals = cmd.optsWithGlobals() as GlobalOptions;
      const q = await ok(requireServer(io, globals, 'Designation verbs').GET('/api/frontier/inquiries/{id}', { params: { path: { id } } }));
      if (globals.json) return printJson(io, q);
      println(io, `inquiry ${q.id} about version ${q.versionId}: ${q.state}, asked ${day(q.createdAt)}`);
      println(io, `question: ${q.question}`);
      for (const r of q.evaluation ?? []) println(io, `  ${r.ruleSet}@${r.ruleSetVersion}: ${r.outcome}`);
      if (q.answer) println(io, `answer: ${q.answer.outcome} (${day(q.answer.answeredAt)})${q.answer.rationale ? ` — ${q.answer.rationale}` : ''}`);
      if (q.designation) println(io, `designation now: ${q.designation.outcome}${q.designation.rationale ? ` — ${q.designation.rationale}` : ''}`);
    });

  inquiries
    .command('create')
    .description('ask whether a version is covered, from a JSON file (- for stdin): {"versionId", "question"}')
    .argument('<file>', 'the inquiry document')
    .action(async (file: string, _o: unknown, cmd) => {
      const globals = cmd.optsWithGlobals() as GlobalOptions;
      const client = requireServer(io, globals, 'Designation verbs');
      const doc = parseJsonObject(await readInput(io, file), file, 'an inquiry');
      const q = await ok(client.POST('/api/frontier/inquiries', { body: doc as InquiryDocument }));
      if (globals.json) return printJson(io, q);
      println(io, `asked: inquiry ${q.id} (${q.designation?.outcome ?? q.state})`);
    });
};

/**
 * `aisc frontier reviews …`: the designating authority's cleared analysts at a terminal — the
 * classified reviews they are named on, one with its history, and a decision from a JSON file
 * (`{"outcome", "basis", "rationale", "rationaleSummary", "rationaleVisibility"}`). A review one
 * may not see does not exist: "not found", exit 5.
 */
export const frontierReviewsVerb: FrontierVerb = (frontier, io) => {
  const reviews = frontier.command('reviews').description('classified designation reviews you are named on (with --server and --token)');

  reviews
    .command('list')
    .description('the reviews you are cleared for and named on, most recently changed first')
    .option('--state <state>', `only reviews in this state (${REVIEW_STATES.join(', ')})`)
    .action(async (o: { state?: string }, cmd) => {
      const globals = cmd.optsWithGlobals() as GlobalOptions;
      const client = requireServer(io, globals, 'Designation verbs');
      const state = o.state as (typeof REVIEW_STATES)[number] | undefined;
      const items = await allPages((page) => ok(client.GET('/api/frontier/reviews', { params: { query: { ...page, ...(state ? { state } : {}) } } })));
      if (globals.json) return printJson(io, items);
      for (const r of items) println(io, `${r.id}  ${r.state.padEnd(18)} ${r.trigger.padEnd(11)} version ${r.versionId}`);
      println(io, `${items.length} review${items.length === 1 ? '' : 's'}`);
    });

  reviews
    .command('show')
    .description('one review: its state, decision and history')
    .argument('<review>', 'the review id')
    .action(async (id: string, _o: unknown, cmd) => {
      const globals = cmd.optsWithGlobals() as GlobalOptions;
      const r = await ok(requireServer(io, globals, 'Designation verbs').GET('/api/frontier/reviews/{id}', { params: { path: { id } } }));
      if (globals.json) return printJson(io, r);
      println(io, `review ${r.id} of version ${r.versionId}: ${r.state} (${r.classification}, ${r.accessUsers.length} named)`);
      println(io, `opened by ${r.trigger}${r.detail ? `: ${r.detail}` : ''}${r.reassessments ? `; reassessed ${r.reassessments}×` : ''}`);
      if (r.decision) println(io, `decided ${day(r.decision.decidedAt)}; the developer sees: ${r.decision.rationaleVisibility}`);
      if (r.allowedEvents.length) println(io, `next: ${r.allowedEvents.join(', ')}`);
      for (const h of r.history) println(io, `  ${h.at.slice(0, 16)} ${h.actor.label}: ${h.from ?? '—'} → ${h.to} (${h.event})${h.note ? ` — ${h.note}` : ''}`);
    });

  reviews
    .command('decide')
    .description('record the authority decision from a JSON file (- for stdin)')
    .argument('<review>', 'the review id')
    .argument('<file>', 'the decision: outcome, basis, rationale, rationaleSummary, rationaleVisibility')
    .action(async (id: string, file: string, _o: unknown, cmd) => {
      const globals = cmd.optsWithGlobals() as GlobalOptions;
      const client = requireServer(io, globals, 'Designation verbs');
      const doc = parseJsonObject(await readInput(io, file), file, 'a decision');
      const r = await ok(client.POST('/api/frontier/reviews/{id}/decision', { params: { path: { id } }, body: doc as DecisionDocument }));
      if (globals.json) return printJson(io, r);
      println(io, `recorded: ${r.state}`);
    });
};
