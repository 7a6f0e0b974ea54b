import { messagePreferencesSchema, messagePreferencesUpdateSchema, optOutSchema, outboxMessageSchema, outboxQuerySchema, pageSchema } from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { registerOutboxChannel } from './outbox.channel.ts';
import * as outbox from './outbox.service.ts';

export async function outboxRoutes(app: FastifyZod): Promise<void> {
  // Notifications (cases, needs, reports) go out as SMS / WeChat too, through the outbox.
  registerOutboxChannel();
  const tags = ['outbox'];
  app.get(
    '/api/outbox/messages',
    { schema: { tags, summary: 'The delivery log of your subtree (SMS and WeChat messages, numbers masked), newest first', querystring: outboxQuerySchema, response: { 200: pageSchema(outboxMessageSchema) } } },
    async (request) => outbox.listLog(contextOf(request), request.query),
  );
  app.get(
    '/api/outbox/preferences',
    { schema: { tags, summary: 'Your channels beyond in-app per event (SMS, WeChat)', response: { 200: messagePreferencesSchema } } },
    async (request) => outbox.myPreferences(contextOf(request)),
  );
  app.put(
    '/api/outbox/preferences',
    { schema: { tags, summary: 'Choose your channels per event; queued messages follow the new choice', body: messagePreferencesUpdateSchema, response: { 200: messagePreferencesSchema } } },
    async (request) => outbox.updateMyPreferences(contextOf(request), request.body),
  );
  app.post(
    '/api/outbox/opt-outs',
    { schema: { tags, summary: 'Record that a number wants no more SMS; its queued SMS are cancelled at once', body: optOutSchema, response: { 201: z.object({ cancelled: z.number().int() }) } } },
    async (request, reply) => reply.code(201).send(await outbox.recordOptOut(contextOf(request), request.body.phone)),
  );
}
