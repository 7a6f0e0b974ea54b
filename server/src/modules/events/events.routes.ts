import { checkInSchema, eventCreateSchema, eventRangeQuerySchema, eventSchema, registrationSchema } from '@tongxin/core';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf, publicContextOf } from '../../http/context.ts';
import * as events from './events.service.ts';
import { feed } from './events.ics.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** Events (活动报名与签到): planning, registration with a waiting list, QR check-in, calendar and .ics feed. */
export async function eventRoutes(app: FastifyZod): Promise<void> {
  const tags = ['events'];
  app.post('/api/events', { schema: { tags, summary: 'Plan an event (its activity is created with it)', body: eventCreateSchema, response: { 201: eventSchema } } }, async (request, reply) =>
    reply.code(201).send(await events.create(contextOf(request), request.body)),
  );
  app.get(
    '/api/events',
    { schema: { tags, summary: 'Calendar: events of your subtree starting between two dates (inclusive, Shanghai time)', querystring: eventRangeQuerySchema, response: { 200: z.array(eventSchema) } } },
    async (request) => events.calendar(contextOf(request), request.query.from, request.query.to),
  );
  app.get('/api/events/:id', { schema: { tags, summary: 'One event with counts and your own registration', params: idParams, response: { 200: eventSchema } } }, async (request) =>
    events.detail(contextOf(request), request.params.id),
  );
  app.get(
    '/api/events/:id/registrations',
    { schema: { tags, summary: 'Registration list and waiting list, with check-in times', params: idParams, response: { 200: z.array(registrationSchema) } } },
    async (request) => events.registrations(contextOf(request), request.params.id),
  );
  app.get(
    '/api/events/:id/door-code',
    {
      schema: {
        tags,
        summary: 'The rotating check-in code to show at the door (changes every minute; the previous one still works)',
        params: idParams,
        response: { 200: z.object({ code: z.string(), url: z.string(), validUntil: z.string(), qrSvg: z.string() }) },
      },
    },
    async (request) => events.currentDoorCode(contextOf(request), request.params.id, originOf(request)),
  );
  app.get('/api/participant/events', { schema: { tags, summary: 'My events: upcoming events open to me, with my registration', response: { 200: z.array(eventSchema) } } }, async (request) =>
    events.forParticipant(contextOf(request)),
  );
  app.post(
    '/api/events/:id/registrations',
    { schema: { tags, summary: 'Register myself (a place, or the waiting list when full)', params: idParams, response: { 201: eventSchema } } },
    async (request, reply) => reply.code(201).send(await events.register(contextOf(request), request.params.id)),
  );
  app.delete('/api/events/:id/registrations/mine', { schema: { tags, summary: 'Cancel my registration (the first waiting moves up)', params: idParams } }, async (request, reply) => {
    await events.cancel(contextOf(request), request.params.id);
    return reply.code(204).send();
  });
  app.post(
    '/api/events/:id/check-in',
    {
      schema: {
        tags,
        summary: 'Check in with the door code (one scan; a second scan changes nothing)',
        params: idParams,
        body: checkInSchema,
        response: { 200: z.object({ checkedInAt: z.string(), already: z.boolean(), checkedIn: z.number().int() }) },
      },
    },
    async (request) => events.checkIn(contextOf(request), request.params.id, request.body.code),
  );
  app.post('/api/calendar-feed', { schema: { tags, summary: 'A new private .ics link for my calendar app (replaces the old one)', response: { 200: z.object({ url: z.string() }) } } }, async (request) =>
    events.newFeed(contextOf(request), originOf(request)),
  );
  app.get(
    '/api/public/calendar/:file',
    { config: { access: 'public' }, schema: { tags, summary: 'Calendar feed (.ics) by its private token', params: z.object({ file: z.string().max(100) }) } },
    async (request, reply) => reply.header('content-type', 'text/calendar; charset=utf-8').send(await feed(publicContextOf(request), request.params.file)),
  );
}
