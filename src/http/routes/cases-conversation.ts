import { acceptProposal, decideEmbargo, proposeEmbargo } from '../../services/cases/embargo';
import { createThread, postMessage } from '../../services/cases/messages';
import { caseThreads, threadMessages } from '../../services/cases/reads';
import type { App, AppDeps } from '../app';
import { principal } from '../auth';
import { errors, page } from '../schemas';
import {
  CaseChildParams,
  CaseParams,
  CaseView,
  DecisionBody,
  Message,
  MessageBody,
  PageQuery,
  Participation,
  Proposal,
  ProposalBody,
  Thread,
  ThreadBody,
} from './cases-schemas';

/** Threads, messages and the embargo protocol of a case. */
export function caseConversationRoutes(app: App, { ctx }: AppDeps): void {
  const tags = ['cases'];
  app.get(
    '/api/cases/:id/threads',
    {
      schema: {
        tags,
        summary: 'One page of the threads you may see',
        params: CaseParams,
        querystring: PageQuery,
        response: { 200: page(Thread), ...errors(400, 401, 404) },
      },
    },
    async (req) => caseThreads(ctx, principal(req, 'read'), req.params.id, req.query),
  );
  app.post(
    '/api/cases/:id/threads',
    {
      schema: {
        tags,
        summary: 'Open a case-wide or vendor-private thread',
        params: CaseParams,
        body: ThreadBody,
        response: { 201: Thread, ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => reply.code(201).send(await createThread(ctx, principal(req, 'write'), req.params.id, req.body)),
  );
  app.get(
    '/api/cases/:id/threads/:childId/messages',
    {
      schema: {
        tags,
        summary: 'One page of the messages of a thread you may see',
        params: CaseChildParams,
        querystring: PageQuery,
        response: { 200: page(Message).extend({ thread: Thread }).meta({ id: 'CaseThreadMessages' }), ...errors(400, 401, 404) },
      },
    },
    async (req) => threadMessages(ctx, principal(req, 'read'), req.params.id, req.params.childId, req.query),
  );
  app.post(
    '/api/cases/:id/threads/:childId/messages',
    {
      schema: {
        tags,
        summary: 'Post a message with its own TLP label',
        params: CaseChildParams,
        body: MessageBody,
        response: { 201: Message, ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => reply.code(201).send(await postMessage(ctx, principal(req, 'write'), req.params.id, req.params.childId, req.body)),
  );
  app.post(
    '/api/cases/:id/embargo/proposals',
    {
      schema: {
        tags,
        summary: 'Propose (or counter-propose) a public date',
        params: CaseParams,
        body: ProposalBody,
        response: { 201: Proposal, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await proposeEmbargo(ctx, principal(req, 'write'), req.params.id, { publicAt: new Date(req.body.publicAt), reason: req.body.reason })),
  );
  app.post(
    '/api/cases/:id/embargo/proposals/:childId/accept',
    {
      schema: {
        tags,
        summary: "Accept a proposed public date (your organisation's answer)",
        params: CaseChildParams,
        response: { 200: Participation, ...errors(401, 403, 404, 409) },
      },
    },
    async (req) => acceptProposal(ctx, principal(req, 'write'), req.params.id, req.params.childId),
  );
  app.post(
    '/api/cases/:id/embargo/decision',
    {
      schema: {
        tags,
        summary: 'The coordinator adopts a proposal or declines the open ones',
        params: CaseParams,
        body: DecisionBody,
        response: { 200: CaseView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => decideEmbargo(ctx, principal(req, 'write'), req.params.id, req.body),
  );
}
