import { inboxCountsSchema, inboxItemSchema, inboxQuerySchema, notificationListQuerySchema, notificationSchema, pageSchema } from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import * as inbox from './inbox.service.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** The inbox (what waits on me) and in-app notifications. */
export async function inboxRoutes(app: FastifyZod): Promise<void> {
  const tags = ['inbox'];
  app.get(
    '/api/inbox',
    { schema: { tags, summary: 'What waits on you (cases, needs, reports, assignments), optionally one box; soonest due first', querystring: inboxQuerySchema, response: { 200: z.array(inboxItemSchema) } } },
    async (request) => inbox.inbox(contextOf(request), request.query.box),
  );
  app.get(
    '/api/inbox/counts',
    { schema: { tags, summary: 'Counts per box and unread notifications, for the header', response: { 200: inboxCountsSchema } } },
    async (request) => inbox.counts(contextOf(request)),
  );
  app.get(
    '/api/notifications',
    { schema: { tags, summary: 'Your notifications, newest first, with the message in your language', querystring: notificationListQuerySchema, response: { 200: pageSchema(notificationSchema) } } },
    async (request) => inbox.notifications(contextOf(request), request.query),
  );
  app.post(
    '/api/notifications/:id/read',
    { schema: { tags, summary: 'Mark one notification read', params: idParams } },
    async (request, reply) => {
      await inbox.markRead(contextOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    '/api/notifications/read-all',
    { schema: { tags, summary: 'Mark all your notifications read' } },
    async (request, reply) => {
      await inbox.markAllRead(contextOf(request));
      return reply.code(204).send();
    },
  );
}
