import { myNoticeSchema, noticeInputSchema, noticeRejectSchema, noticeSchema, noticeStates, noticeStepSchema, segmentPreviewInputSchema, segmentPreviewSchema } from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import * as notices from './notices.service.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });

export async function noticeRoutes(app: FastifyZod): Promise<void> {
  const tags = ['notices'];
  app.post(
    '/api/notices/preview',
    { schema: { tags, summary: 'How many people a segment rule reaches (and by SMS), before writing or sending', body: segmentPreviewInputSchema, response: { 200: segmentPreviewSchema } } },
    async (request) => notices.preview(contextOf(request), request.body.divisionId, request.body.segment),
  );
  app.post('/api/notices', { schema: { tags, summary: 'Write a notice to a segment (a draft)', body: noticeInputSchema, response: { 201: noticeSchema } } }, async (request, reply) =>
    reply.code(201).send(await notices.create(contextOf(request), request.body)),
  );
  app.get(
    '/api/notices',
    { schema: { tags, summary: 'Notices of your subtree, newest first, with figures (sent / delivered / failed / read)', querystring: z.object({ state: z.enum(noticeStates).optional() }), response: { 200: z.array(noticeSchema) } } },
    async (request) => notices.list(contextOf(request), request.query.state),
  );
  app.get('/api/notices/mine', { schema: { tags, summary: 'Notices sent to you (phone pages and bell)', response: { 200: z.array(myNoticeSchema) } } }, async (request) => notices.mine(contextOf(request)));
  app.get('/api/notices/:id', { schema: { tags, summary: 'One notice with its figures', params: idParams, response: { 200: noticeSchema } } }, async (request) => notices.detail(contextOf(request), request.params.id));
  app.post('/api/notices/:id/submit', { schema: { tags, summary: 'Hand a draft to a division administrator for approval', params: idParams, body: noticeStepSchema, response: { 200: noticeSchema } } }, async (request) =>
    notices.submit(contextOf(request), request.params.id, request.body.version),
  );
  app.post(
    '/api/notices/:id/approve',
    { schema: { tags, summary: 'Approve and send (not your own notice): one outbox row per recipient and channel, in one transaction', params: idParams, body: noticeStepSchema, response: { 200: noticeSchema } } },
    async (request) => notices.approve(contextOf(request), request.params.id, request.body.version),
  );
  app.post('/api/notices/:id/reject', { schema: { tags, summary: 'Send a notice back to its author with a reason', params: idParams, body: noticeRejectSchema, response: { 200: noticeSchema } } }, async (request) =>
    notices.reject(contextOf(request), request.params.id, request.body.version, request.body.reason),
  );
  app.post('/api/notices/:id/read', { schema: { tags, summary: 'Mark a notice sent to you as read', params: idParams } }, async (request, reply) => {
    await notices.read(contextOf(request), request.params.id);
    return reply.code(204).send();
  });
}
