import { guideDivisionSchema, guideQuerySchema, guideVenueSchema, pageSchema } from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { publicContextOf } from '../../http/context.ts';
import * as guide from './guide.service.ts';

/** The public service guide: no sign-in, read-only, public venues only. */
export async function guideRoutes(app: FastifyZod): Promise<void> {
  const tags = ['public'];
  app.get(
    '/api/public/guide',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Service guide 服务指南 (no sign-in): public venues and service centres by division, with hotline, address and hours',
        querystring: guideQuerySchema,
        response: { 200: pageSchema(guideVenueSchema) },
      },
    },
    async (request) => guide.guide(publicContextOf(request), request.query),
  );
  app.get(
    '/api/public/divisions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Divisions to choose in the service guide (no sign-in): those with public venues, with their count',
        querystring: z.object({ parentId: z.coerce.number().int().positive().optional() }),
        response: { 200: z.array(guideDivisionSchema) },
      },
    },
    async (request) => guide.divisions(publicContextOf(request), request.query.parentId),
  );
}
