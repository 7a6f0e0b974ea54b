import { messagePreferencesSchema, messagePreferencesUpdateSchema, optOutSchema, outboxMessageSchema, outboxQuerySchema, pageSchema } from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf, publicContextOf } from '../../http/context.ts';
import { registerOutboxChannel } from './outbox.channel.ts';
import { receiveReplies, receiveReports } from './outbox.reports.ts';
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

  // Alibaba Cloud SMS pushes (HTTP 批量推送): JSON arrays, answered { code: 0 } as its docs ask.
  // No signature is documented, so the path carries a secret of ours (SMS_CALLBACK_TOKEN).
  const callbackParams = z.object({ token: z.string().max(200) });
  const ack = z.object({ code: z.number().int(), msg: z.string() });
  app.post(
    '/api/public/sms/aliyun/:token/report',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Alibaba Cloud SMS delivery reports (SmsReport push): delivered / undelivered per message', params: callbackParams, body: z.array(z.object({ phone_number: z.string().optional(), success: z.boolean().optional(), err_code: z.string().optional(), err_msg: z.string().optional(), biz_id: z.string().optional(), out_id: z.string().optional(), report_time: z.string().optional() }).passthrough()).max(1000), response: { 200: ack } },
    },
    async (request) => {
      await receiveReports(publicContextOf(request), request.params.token, request.body);
      return { code: 0, msg: '接收成功' };
    },
  );
  app.post(
    '/api/public/sms/aliyun/:token/up',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Alibaba Cloud SMS replies (SmsUp push): TD and the like opt the number out at once', params: callbackParams, body: z.array(z.object({ phone_number: z.string().optional(), content: z.string().optional() }).passthrough()).max(1000), response: { 200: ack } },
    },
    async (request) => {
      await receiveReplies(publicContextOf(request), request.params.token, request.body);
      return { code: 0, msg: '接收成功' };
    },
  );
}
