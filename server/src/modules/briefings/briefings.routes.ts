import { pageSchema } from '@tongxin/core';
import {
  briefingCreateSchema,
  briefingDetailSchema,
  briefingExportQuerySchema,
  briefingListQuerySchema,
  briefingSchema,
  briefingUpdateSchema,
} from '@tongxin/core/briefings/index';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { exportBriefing } from './briefings.export.ts';
import { idParams } from './briefings.schema.ts';
import * as briefings from './briefings.service.ts';

export async function briefingRoutes(app: FastifyZod): Promise<void> {
  const tags = ['briefings'];
  app.get(
    '/api/briefings',
    { schema: { tags, summary: 'Briefings (工作简报) of your subtree, newest first; `divisionId` narrows to a division’s subtree', querystring: briefingListQuerySchema, response: { 200: pageSchema(briefingSchema) } } },
    async (request) => briefings.list(contextOf(request), request.query),
  );
  app.post(
    '/api/briefings',
    {
      schema: {
        tags,
        summary: 'Generate a briefing for a division and period: the dashboard figures are stored as a snapshot and the draft text becomes revision 1',
        body: briefingCreateSchema,
        response: { 201: briefingSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await briefings.create(contextOf(request), request.body)),
  );
  app.get(
    '/api/briefings/:id',
    { schema: { tags, summary: 'One briefing: the latest text by section, the figures snapshot, and its revisions', params: idParams, response: { 200: briefingDetailSchema } } },
    async (request) => briefings.detail(contextOf(request), request.params.id),
  );
  app.patch(
    '/api/briefings/:id',
    { schema: { tags, summary: 'Save edited section texts (and title) as the next revision; send the version you saw', params: idParams, body: briefingUpdateSchema, response: { 200: briefingSchema } } },
    async (request) => briefings.update(contextOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/briefings/:id/export',
    {
      schema: {
        tags,
        summary: 'One revision (default the latest) as .docx or PDF (Chinese font embedded; 503 when the server has none); audited',
        params: idParams,
        querystring: briefingExportQuerySchema,
      },
    },
    async (request, reply) => exportBriefing(reply, contextOf(request), request.params.id, request.query),
  );
}
