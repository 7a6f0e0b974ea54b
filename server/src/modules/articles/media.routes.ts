import { mediumCreateSchema, mediumListQuerySchema, mediumSchema, mediumUpdateSchema, versionBodySchema } from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import * as media from './media.service.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });

export async function mediaRoutes(app: FastifyZod): Promise<void> {
  const tags = ['articles'];
  app.get(
    '/api/media',
    { schema: { tags, summary: 'The managed list of media and their levels (central, provincial, municipal, local)', querystring: mediumListQuerySchema, response: { 200: z.array(mediumSchema) } } },
    async (request) => media.list(contextOf(request), request.query.archived),
  );
  app.post(
    '/api/media',
    { schema: { tags, summary: 'Add a medium (system administrators)', body: mediumCreateSchema, response: { 201: mediumSchema } } },
    async (request, reply) => reply.code(201).send(await media.create(contextOf(request), request.body)),
  );
  app.patch(
    '/api/media/:id',
    { schema: { tags, summary: 'Rename a medium, change its aliases or level (needs its current version)', params: idParams, body: mediumUpdateSchema, response: { 200: mediumSchema } } },
    async (request) => media.update(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/media/:id/archive',
    { schema: { tags, summary: 'Take a medium off the list (articles keep it)', params: idParams, body: versionBodySchema, response: { 200: mediumSchema } } },
    async (request) => media.setArchived(contextOf(request), request.params.id, true, request.body.version),
  );
  app.post(
    '/api/media/:id/unarchive',
    { schema: { tags, summary: 'Put an archived medium back on the list', params: idParams, body: versionBodySchema, response: { 200: mediumSchema } } },
    async (request) => media.setArchived(contextOf(request), request.params.id, false, request.body.version),
  );
}
