import { activityCreateSchema, activityDetailSchema, activityListQuerySchema, activitySchema, activityUpdateSchema, pageSchema } from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { exportActivities } from './activities.export.ts';
import * as activities from './activities.service.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const versionBody = z.strictObject({ version: z.number().int().positive() });

export async function activityRoutes(app: FastifyZod): Promise<void> {
  const tags = ['activities'];
  app.get(
    '/api/activities',
    {
      schema: {
        tags,
        summary: 'Activities of your subtree by venue, project, pair, organiser, kind, period or division, newest first',
        querystring: activityListQuerySchema,
        response: { 200: pageSchema(activitySchema) },
      },
    },
    async (request) => activities.list(contextOf(request), request.query),
  );
  app.get(
    '/api/activities/export',
    {
      schema: {
        tags,
        summary: 'The filtered list, all pages, as .xlsx (same filters as the list; audited as activity.export)',
        querystring: activityListQuerySchema,
      },
    },
    async (request, reply) => exportActivities(reply, contextOf(request), request.query),
  );
  app.get(
    '/api/activities/:id',
    { schema: { tags, summary: 'One activity with organisers, attendees, minutes and photos', params: idParams, response: { 200: activityDetailSchema } } },
    async (request) => activities.detail(contextOf(request), request.params.id),
  );
  app.post(
    '/api/activities',
    { schema: { tags, summary: 'Record an activity (photos: POST /api/attachments?ownerType=activity)', body: activityCreateSchema, response: { 201: activityDetailSchema } } },
    async (request, reply) => reply.code(201).send(await activities.create(contextOf(request), request.body)),
  );
  app.patch(
    '/api/activities/:id',
    { schema: { tags, summary: 'Edit an activity', params: idParams, body: activityUpdateSchema, response: { 200: activityDetailSchema } } },
    async (request) => activities.update(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/activities/:id/archive',
    { schema: { tags, summary: 'Archive an activity', params: idParams, body: versionBody, response: { 200: activityDetailSchema } } },
    async (request) => activities.archive(contextOf(request), request.params.id, request.body.version),
  );
}
