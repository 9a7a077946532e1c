import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/runtime/logger';
import type { Clearance } from '../../src/domain/policy/marking';
import type { Role } from '../../src/domain/identity/roles';
import { CLI_ACTOR } from '../../src/services/actor';
import { createOrganisation } from '../../src/services/organisations';
import { createToken } from '../../src/services/tokens';
import { createUser } from '../../src/services/users';
import { cli } from '../helpers/cli';
import { eventually, startReceiver } from '../helpers/receiver';
import { intakeWorld, type IntakeWorld } from '../intake/world';

const BASIS = 'HTTP-CLASSIFIED-BASIS: benchmark run 12';
const RATIONALE = 'HTTP-CLASSIFIED-RATIONALE: above the classified threshold';
const SUMMARY = 'Meets the criteria for a covered frontier model.';

/** An SSE subscriber (GET /api/events/stream) collecting event types and record ids. */
async function stream(url: string, token: string) {
  const seen: { type: string; recordId: string }[] = [];
  const ac = new AbortController();
  const res = await fetch(`${url}/api/events/stream`, { headers: { authorization: `Bearer ${token}` }, signal: ac.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (data) seen.push(JSON.parse(data.slice(6)) as { type: string; recordId: string });
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  return { seen, close: () => ac.abort() };
}

describe('designation over HTTP, the event stream, webhooks and the CLI', () => {
  let w: IntakeWorld;
  let people: Record<'admin' | 'analyst' | 'unclearedAdmin' | 'developer' | 'developerAdmin' | 'outsider', { token: string; userId: string }>;
  let labId: string;
  const as = (token: string) => ({ AISC_SERVER: w.url, AISC_TOKEN: token });

  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });

  beforeAll(async () => {
    w = await intakeWorld({}, { log: createLogger('info', sink) });
    const ctx = w.server.server.runtime.ctx;
    const person = async (organisationId: string, role: Role, clearance: Clearance, scopes: ('read' | 'write' | 'admin')[]) => {
      const { user } = await createUser(ctx, CLI_ACTOR, {
        email: `d${Math.random().toString(36).slice(2, 10)}@designation.test`,
        name: 'Person',
        organisationId,
        role,
        clearance,
        password: 'a long enough test password',
      });
      return { token: (await createToken(ctx, CLI_ACTOR, user.id, { name: 't', scopes })).secret, userId: user.id };
    };
    const authority = w.server.admin.organisationId;
    labId = (await createOrganisation(ctx, CLI_ACTOR, { name: 'Frontier Lab', kind: 'ai_developer' })).id;
    people = {
      admin: await person(authority, 'admin', 'NONE', ['read', 'write', 'admin']),
      analyst: await person(authority, 'analyst', 'SECRET', ['read', 'write']),
      unclearedAdmin: await person(authority, 'admin', 'CONFIDENTIAL', ['read', 'write', 'admin']),
      developer: await person(labId, 'member', 'NONE', ['read', 'write']),
      developerAdmin: await person(labId, 'admin', 'NONE', ['read', 'write', 'admin']),
      outsider: await person(w.orgB, 'admin', 'TOP_SECRET', ['read', 'write', 'admin']),
    };
    // The panel is a deployment setting: named here so each test can run alone (the first test checks who may set it).
    const panel = await w.call(people.admin.token, 'PUT', '/api/frontier/designation-settings', {
      classification: 'SECRET',
      panelUserIds: [people.analyst.userId],
    });
    expect(panel.status, panel.text).toBe(200);
  }, 180_000);
  afterAll(() => w?.close());

  /** A model version of the lab, with a fact no rule set calls covered (so no job opens a review on its own). */
  const version = async (facts: unknown[] = [{ key: 'parameters', value: 7e9, unit: 'parameters', method: 'declared' }]) => {
    const r = await w.call(people.developer.token, 'POST', '/api/frontier/models', {
      name: `Model ${Math.random().toString(36).slice(2, 8)}`,
      versions: [{ version: '1.0', facts }],
    });
    expect(r.status, r.text).toBe(201);
    return r.json.versions[0].id as string;
  };

  it('sets the panel (platform admins only, cleared users only)', async () => {
    const path = '/api/frontier/designation-settings';
    expect((await w.call(people.analyst.token, 'PUT', path, { classification: 'SECRET', panelUserIds: [people.analyst.userId] })).status).toBe(403);
    const bad = await w.call(people.admin.token, 'PUT', path, { classification: 'SECRET', panelUserIds: [people.unclearedAdmin.userId] });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual(['/panelUserIds/0']);
    const unknownLevel = await w.call(people.admin.token, 'PUT', path, { classification: 'COSMIC', panelUserIds: [] });
    expect(unknownLevel.status).toBe(400);
    const set = await w.call(people.admin.token, 'PUT', path, { classification: 'SECRET', panelUserIds: [people.analyst.userId] });
    expect(set.status, set.text).toBe(200);
    expect(set.json).toMatchObject({ classification: 'SECRET', panelUserIds: [people.analyst.userId] });
  });

  it('runs an inquiry to a decision: 404 for the uncleared everywhere, the developer sees the outcome and the summary only', async () => {
    const rxLab = await startReceiver();
    const rxAuthority = await startReceiver();
    expect((await w.call(people.developerAdmin.token, 'POST', '/api/webhooks', { url: rxLab.url, eventTypes: [] })).status).toBe(201);
    expect((await w.call(people.admin.token, 'POST', '/api/webhooks', { url: rxAuthority.url, eventTypes: [] })).status).toBe(201);
    const cleared = await stream(w.url, people.analyst.token);
    const uncleared = await stream(w.url, people.unclearedAdmin.token);

    const versionId = await version();
    const asked = await w.call(people.developer.token, 'POST', '/api/frontier/inquiries', { versionId, question: 'Is our model covered?' });
    expect(asked.status, asked.text).toBe(201);
    expect(asked.json).toMatchObject({ state: 'open', reviewId: null, designation: { outcome: 'under_review' } });
    expect(asked.json.evaluation.map((e: { ruleSet: string }) => e.ruleSet)).toContain('eu-ai-act-gpai-systemic-risk');
    expect((await w.call(people.outsider.token, 'POST', '/api/frontier/inquiries', { versionId, question: 'Is theirs?' })).status).toBe(404);
    expect((await w.call(people.developer.token, 'POST', '/api/frontier/inquiries', { versionId, question: 'x', extra: 1 })).status).toBe(400);

    const list = await w.call(people.analyst.token, 'GET', `/api/frontier/reviews?versionId=${versionId}`);
    expect(list.json.total).toBe(1);
    const id = list.json.items[0].id as string;
    expect((await w.call(people.analyst.token, 'GET', `/api/frontier/inquiries/${asked.json.id}`)).json.reviewId).toBe(id);

    // Everyone not cleared and named: 404 on the review, absent from lists, counts and search; the audit view shows nothing.
    for (const who of [people.unclearedAdmin, people.admin, people.developer, people.outsider]) {
      expect((await w.call(who.token, 'GET', `/api/frontier/reviews/${id}`)).status).toBe(404);
      expect((await w.call(who.token, 'GET', `/api/frontier/reviews?versionId=${versionId}`)).json.total).toBe(0);
      expect((await w.call(who.token, 'GET', `/api/frontier/reviews?q=${asked.json.id}`)).json.total).toBe(0);
      expect((await w.call(who.token, 'POST', `/api/frontier/reviews/${id}/transitions`, { event: 'start_review' })).status).toBe(404);
    }
    expect((await w.call(people.unclearedAdmin.token, 'GET', `/api/audit?recordType=frontier_review&recordId=${id}`)).json.total).toBe(0);
    expect((await w.call(people.admin.token, 'GET', `/api/audit?recordType=frontier_review`)).json.total).toBe(0);
    // The uncleared admin's decision is refused (404: it cannot see the review at all).
    const refused = await w.call(people.unclearedAdmin.token, 'POST', `/api/frontier/reviews/${id}/decision`, {
      outcome: 'designated',
      basis: BASIS,
      rationale: RATIONALE,
      rationaleVisibility: 'none',
    });
    expect(refused.status).toBe(404);
    expect(refused.text).not.toContain('HTTP-CLASSIFIED');

    // Bad input: unknown event 400, forbidden move 409, bad decision fields 400 naming each.
    const unknown = await w.call(people.analyst.token, 'POST', `/api/frontier/reviews/${id}/transitions`, { event: 'approve' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors.map((e: { path: string }) => e.path)).toEqual(['/event']);
    expect((await w.call(people.analyst.token, 'POST', `/api/frontier/reviews/${id}/transitions`, { event: 'review_rebuttal' })).status).toBe(409);
    const unknownState = await w.call(people.analyst.token, 'GET', '/api/frontier/reviews?state=approved');
    expect(unknownState.status).toBe(400);
    expect(unknownState.json.errors.map((e: { path: string }) => e.path)).toEqual(['/state']);
    const unknownOutcome = await w.call(people.analyst.token, 'POST', `/api/frontier/reviews/${id}/decision`, {
      outcome: 'approved',
      basis: BASIS,
      rationale: RATIONALE,
      rationaleVisibility: 'partial',
    });
    expect(unknownOutcome.status).toBe(400);
    expect(unknownOutcome.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/outcome', '/rationaleVisibility']);
    expect(unknownOutcome.text).not.toContain('HTTP-CLASSIFIED');
    expect((await w.call(people.analyst.token, 'POST', `/api/frontier/reviews/${id}/transitions`, { event: 'start_review' })).status).toBe(200);
    const badDecision = await w.call(people.analyst.token, 'POST', `/api/frontier/reviews/${id}/decision`, {
      outcome: 'designated',
      basis: BASIS,
      rationale: '',
      rationaleVisibility: 'summary',
    });
    expect(badDecision.status).toBe(400);
    expect(badDecision.json.errors.map((e: { path: string }) => e.path)).toEqual(['/rationale', '/rationaleSummary']);
    expect(badDecision.text).not.toContain('HTTP-CLASSIFIED');
    const decided = await w.call(people.analyst.token, 'POST', `/api/frontier/reviews/${id}/decision`, {
      outcome: 'designated',
      basis: BASIS,
      rationale: RATIONALE,
      rationaleSummary: SUMMARY,
      rationaleVisibility: 'summary',
    });
    expect(decided.status, decided.text).toBe(200);
    expect(decided.json).toMatchObject({ state: 'designated', decision: { basis: BASIS } });

    // The developer: outcome and summary; never the review, its basis, rationale or history.
    const outcome = await w.call(people.developer.token, 'GET', `/api/frontier/versions/${versionId}/designation`);
    expect(outcome.json).toMatchObject({ versionId, outcome: 'designated', rationaleVisibility: 'summary', rationale: SUMMARY });
    const inquiry = await w.call(people.developer.token, 'GET', `/api/frontier/inquiries/${asked.json.id}`);
    expect(inquiry.json).toMatchObject({ state: 'answered', answer: { outcome: 'designated', rationale: SUMMARY }, reviewId: null });
    for (const text of [outcome.text, inquiry.text]) expect(text).not.toContain('HTTP-CLASSIFIED');
    expect((await w.call(people.outsider.token, 'GET', `/api/frontier/versions/${versionId}/designation`)).status).toBe(404);

    // Streams and webhooks follow the events' markings: the review's events reach the cleared analyst only.
    const marker = (await w.call(people.admin.token, 'POST', '/api/notes', { title: 'marker', body: 'b', marking: { tlp: 'GREEN' } })).json.id as string;
    await eventually(() => cleared.seen.some((e) => e.recordId === marker) && uncleared.seen.some((e) => e.recordId === marker));
    expect(cleared.seen.filter((e) => e.recordId === id).map((e) => e.type)).toEqual([
      'frontier_review.opened',
      'frontier_review.transitioned',
      'frontier_review.decided',
    ]);
    expect(uncleared.seen.filter((e) => e.type.startsWith('frontier_review'))).toEqual([]);
    expect(uncleared.seen.some((e) => e.type === 'frontier_designation.updated' && e.recordId === versionId)).toBe(true);
    const bodies = (rx: typeof rxLab) => rx.received.map((r) => JSON.parse(r.body) as { type: string; recordId: string; data: Record<string, unknown> });
    await eventually(() => [rxLab, rxAuthority].every((rx) => bodies(rx).some((b) => b.recordId === marker)));
    for (const rx of [rxLab, rxAuthority]) {
      expect(bodies(rx).filter((b) => b.type.startsWith('frontier_review'))).toEqual([]);
      expect(rx.received.map((r) => r.body).join('\n')).not.toContain('HTTP-CLASSIFIED');
    }
    expect(
      bodies(rxLab)
        .filter((b) => b.type === 'frontier_designation.updated')
        .map((b) => b.data),
    ).toEqual([
      { versionId, outcome: 'under_review', rationaleVisibility: 'none', rationale: null, decidedAt: null },
      { versionId, outcome: 'designated', rationaleVisibility: 'summary', rationale: SUMMARY, decidedAt: expect.any(String) },
    ]);
    cleared.close();
    uncleared.close();
    await rxLab.close();
    await rxAuthority.close();
  });

  it('the developer answers a deferral through its version’s designation; a rebuttal needs a standing decision', async () => {
    const versionId = await version();
    await w.call(people.developer.token, 'POST', '/api/frontier/inquiries', { versionId, question: 'Covered?' });
    const id = (await w.call(people.analyst.token, 'GET', `/api/frontier/reviews?versionId=${versionId}`)).json.items[0].id as string;
    const respond = (body: unknown) => w.call(people.developer.token, 'POST', `/api/frontier/versions/${versionId}/designation/responses`, body);
    expect((await respond({ kind: 'rebuttal', note: 'We disagree.' })).status).toBe(409);
    await w.call(people.analyst.token, 'POST', `/api/frontier/reviews/${id}/transitions`, { event: 'start_review' });
    await w.call(people.analyst.token, 'POST', `/api/frontier/reviews/${id}/decision`, {
      outcome: 'deferred',
      basis: BASIS,
      rationale: RATIONALE,
      rationaleVisibility: 'summary',
      rationaleSummary: 'Send your cyber evaluation logs.',
    });
    expect((await w.call(people.developer.token, 'GET', `/api/frontier/versions/${versionId}/designation`)).json).toMatchObject({
      outcome: 'deferred',
      rationale: 'Send your cyber evaluation logs.',
    });
    expect((await respond({ kind: 'evidence', note: 'Logs attached as facts.' })).json).toMatchObject({ outcome: 'under_review', rationale: null });
    expect((await w.call(people.analyst.token, 'GET', `/api/frontier/reviews/${id}`)).json.state).toBe('under_review');
    expect(
      (await w.call(people.outsider.token, 'POST', `/api/frontier/versions/${versionId}/designation/responses`, { kind: 'evidence', note: 'x' })).status,
    ).toBe(404);
  });

  it('DELETE …/access/:userId takes a user off a review: 409 for the last cleared one, 404 for who cannot see it', async () => {
    const versionId = await version();
    await w.call(people.developer.token, 'POST', '/api/frontier/inquiries', { versionId, question: 'Covered?' });
    const id = (await w.call(people.analyst.token, 'GET', `/api/frontier/reviews?versionId=${versionId}`)).json.items[0].id as string;
    const last = await w.call(people.analyst.token, 'DELETE', `/api/frontier/reviews/${id}/access/${people.analyst.userId}`);
    expect(last.status, last.text).toBe(409);
    expect(last.json.errors ?? last.json.details ?? last.text).toBeTruthy();
    expect(last.text).toContain('/userId');
    expect((await w.call(people.developer.token, 'DELETE', `/api/frontier/reviews/${id}/access/${people.analyst.userId}`)).status).toBe(404);
    expect((await w.call(people.analyst.token, 'DELETE', `/api/frontier/reviews/${id}/access/not-a-uuid`)).status).toBe(400);
  });

  it('the consider-review job the registry enqueues opens a review on the panel', async () => {
    // 3e25 FLOP: the EU presumption says covered, the registry enqueues frontier.consider-review, the worker opens the review.
    const versionId = await version([{ key: 'trainingCompute.pretraining', value: 3e25, unit: 'FLOP', method: 'estimated' }]);
    await eventually(async () => (await w.call(people.analyst.token, 'GET', `/api/frontier/reviews?versionId=${versionId}`)).json.total === 1);
    const review = (await w.call(people.analyst.token, 'GET', `/api/frontier/reviews?versionId=${versionId}`)).json.items[0];
    expect(review).toMatchObject({
      state: 'proposed',
      trigger: 'rule_result',
      createdBy: null,
      accessUsers: [people.analyst.userId],
      classification: 'SECRET',
    });
    expect(review.detail).toContain('eu-ai-act-gpai-systemic-risk');
    // Not the developer's business until it asks or someone decides.
    expect((await w.call(people.developer.token, 'GET', `/api/frontier/versions/${versionId}/designation`)).status).toBe(404);
  });

  it('aisc frontier inquiries and reviews against the server', async () => {
    const versionId = await version();
    const dir = await mkdtemp(join(tmpdir(), 'aisc-designation-'));
    const inquiryFile = join(dir, 'inquiry.json');
    await writeFile(inquiryFile, JSON.stringify({ versionId, question: 'Is the CLI model covered?' }));
    const created = await cli(['frontier', 'inquiries', 'create', inquiryFile], as(people.developer.token));
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^asked: inquiry [0-9a-f-]{36} \(under_review\)\n$/);
    const inquiryId = created.stdout.split(' ')[2]!;
    const listed = await cli(['frontier', 'inquiries', 'list'], as(people.developer.token));
    expect(listed.stdout).toContain(`${inquiryId}  open      under_review   version ${versionId}`);

    const reviews = await cli(['frontier', 'reviews', 'list', '--json'], as(people.analyst.token));
    expect(reviews.code, reviews.stderr).toBe(0);
    const review = (JSON.parse(reviews.stdout) as { id: string; versionId: string }[]).find((r) => r.versionId === versionId)!;
    await w.call(people.analyst.token, 'POST', `/api/frontier/reviews/${review.id}/transitions`, { event: 'start_review' });
    const decisionFile = join(dir, 'decision.json');
    await writeFile(
      decisionFile,
      JSON.stringify({ outcome: 'not_designated', basis: BASIS, rationale: 'Below every criterion.', rationaleVisibility: 'full' }),
    );
    const decided = await cli(['frontier', 'reviews', 'decide', review.id, decisionFile], as(people.analyst.token));
    expect(decided.code, decided.stderr).toBe(0);
    expect(decided.stdout).toBe('recorded: not_designated\n');
    const shown = await cli(['frontier', 'reviews', 'show', review.id], as(people.analyst.token));
    expect(shown.stdout).toMatch(new RegExp(`^review ${review.id} of version ${versionId}: not_designated \\(SECRET, 1 named\\)\\n`));
    expect(shown.stdout).toContain('proposed → under_review (start_review)');

    const answered = await cli(['frontier', 'inquiries', 'show', inquiryId], as(people.developer.token));
    expect(answered.code, answered.stderr).toBe(0);
    expect(answered.stdout).toContain('answer: not_designated');
    expect(answered.stdout).toContain('Below every criterion.');
    expect(answered.stdout).not.toContain('HTTP-CLASSIFIED');

    // Who may not see the review: not found (exit 5), one line; an empty list; a bad file names the field.
    for (const who of [people.unclearedAdmin, people.developer]) {
      const hidden = await cli(['frontier', 'reviews', 'show', review.id], as(who.token));
      expect(hidden.code).toBe(5);
      expect(hidden.stderr.trim().split('\n')).toHaveLength(1);
      expect((await cli(['frontier', 'reviews', 'decide', review.id, decisionFile], as(who.token))).code).toBe(5);
    }
    expect((await cli(['frontier', 'reviews', 'list'], as(people.unclearedAdmin.token))).stdout).toBe('0 reviews\n');
    await writeFile(inquiryFile, JSON.stringify({ versionId }));
    const bad = await cli(['frontier', 'inquiries', 'create', inquiryFile], as(people.developer.token));
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/question/);
    expect((await cli(['frontier', 'reviews', 'list'], {})).code).toBe(3);
  });

  it('a failed decision writes nothing and logs no classified text', async () => {
    const versionId = await version();
    await w.call(people.developer.token, 'POST', '/api/frontier/inquiries', { versionId, question: 'Covered?' });
    const id = (await w.call(people.analyst.token, 'GET', `/api/frontier/reviews?versionId=${versionId}`)).json.items[0].id as string;
    await w.call(people.analyst.token, 'POST', `/api/frontier/reviews/${id}/transitions`, { event: 'start_review' });
    // Trip the history insert, after the review row was updated in the same transaction, with the basis bound as a parameter.
    const TRIP = 'HTTP-CLASSIFIED-TRIP-WIRE';
    await w.server.server.runtime.ctx.db.execute(
      sql.raw(`alter table frontier_review_history add constraint test_trip check (coalesce(basis, '') <> '${TRIP}')`),
    );
    try {
      const failed = await w.call(people.analyst.token, 'POST', `/api/frontier/reviews/${id}/decision`, {
        outcome: 'designated',
        basis: TRIP,
        rationale: RATIONALE,
        rationaleVisibility: 'full',
      });
      expect(failed.status).toBe(500);
      expect(failed.text).not.toContain('HTTP-CLASSIFIED');
    } finally {
      await w.server.server.runtime.ctx.db.execute(sql.raw('alter table frontier_review_history drop constraint test_trip'));
    }
    const review = (await w.call(people.analyst.token, 'GET', `/api/frontier/reviews/${id}`)).json;
    expect(review).toMatchObject({ state: 'under_review', decision: null });
    expect(review.history).toHaveLength(2);
    expect((await w.call(people.developer.token, 'GET', `/api/frontier/versions/${versionId}/designation`)).json.outcome).toBe('under_review');
    expect(logs.join('')).toContain('23514'); // the failure is logged (check_violation), without its values
    expect(logs.join('')).not.toContain('HTTP-CLASSIFIED');
  });
});
