import { meetingCreateSchema, meetingDetailSchema, meetingListQuerySchema, meetingQuarterSchema, meetingQuartersQuerySchema, meetingSchema, meetingUpdateSchema, pageSchema } from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import * as meetings from './liaison-meetings.service.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const versionBody = z.strictObject({ version: z.number().int().positive() });

export async function liaisonMeetingRoutes(app: FastifyZod): Promise<void> {
  const tags = ['liaison'];
  app.get(
    '/api/liaison/meetings',
    { schema: { tags, summary: '季度座谈会: meetings with representatives in your subtree, newest first', querystring: meetingListQuerySchema, response: { 200: pageSchema(meetingSchema) } } },
    async (request) => meetings.list(contextOf(request), request.query),
  );
  app.get(
    '/api/liaison/meetings/quarters',
    { schema: { tags, summary: 'The four quarters of a year: meetings, invited, attended, and quarters that passed with none', querystring: meetingQuartersQuerySchema, response: { 200: z.array(meetingQuarterSchema) } } },
    async (request) => meetings.quarters(contextOf(request), request.query),
  );
  app.get(
    '/api/liaison/meetings/:id',
    { schema: { tags, summary: 'One meeting with its attendance and minutes', params: idParams, response: { 200: meetingDetailSchema } } },
    async (request) => meetings.detail(contextOf(request), request.params.id),
  );
  app.post(
    '/api/liaison/meetings',
    { schema: { tags, summary: 'Record a meeting: who was invited, who came, the minutes', body: meetingCreateSchema, response: { 201: meetingDetailSchema } } },
    async (request, reply) => reply.code(201).send(await meetings.create(contextOf(request), request.body)),
  );
  app.patch(
    '/api/liaison/meetings/:id',
    { schema: { tags, summary: 'Edit a meeting (attendees: the whole list; send the version you saw)', params: idParams, body: meetingUpdateSchema, response: { 200: meetingDetailSchema } } },
    async (request) => meetings.update(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/liaison/meetings/:id/archive',
    { schema: { tags, summary: 'Archive a meeting', params: idParams, body: versionBody, response: { 200: meetingDetailSchema } } },
    async (request) => meetings.setArchived(contextOf(request), request.params.id, true, request.body.version),
  );
  app.post(
    '/api/liaison/meetings/:id/unarchive',
    { schema: { tags, summary: 'Restore an archived meeting', params: idParams, body: versionBody, response: { 200: meetingDetailSchema } } },
    async (request) => meetings.setArchived(contextOf(request), request.params.id, false, request.body.version),
  );
}
