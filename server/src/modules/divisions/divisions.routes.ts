import { divisionCreateSchema, divisionSchema, divisionUpdateSchema, pageSchema } from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { childrenQuery, divisionDetailSchema, divisionListQuery, divisionNodeSchema, idParams } from './divisions.schema.ts';
import * as divisions from './divisions.service.ts';

export async function divisionRoutes(app: FastifyZod): Promise<void> {
  const tags = ['divisions'];
  app.get(
    '/api/divisions',
    {
      schema: { tags, summary: 'Search divisions in your subtree', querystring: divisionListQuery, response: { 200: pageSchema(divisionSchema) } },
    },
    async (request) => divisions.search(contextOf(request), request.query),
  );
  app.get(
    '/api/divisions/children',
    {
      schema: {
        tags,
        summary: 'Roots of your tree, or the children of a division (for lazy trees)',
        querystring: childrenQuery,
        response: { 200: z.array(divisionNodeSchema) },
      },
    },
    async (request) => divisions.children(contextOf(request), request.query.parentId),
  );
  app.get(
    '/api/divisions/:id',
    { schema: { tags, summary: 'One division with its ancestors', params: idParams, response: { 200: divisionDetailSchema } } },
    async (request) => divisions.detail(contextOf(request), request.params.id),
  );
  app.post(
    '/api/divisions',
    { schema: { tags, summary: 'Create a division', body: divisionCreateSchema, response: { 201: divisionSchema } } },
    async (request, reply) => reply.code(201).send(await divisions.create(contextOf(request), request.body)),
  );
  app.patch(
    '/api/divisions/:id',
    { schema: { tags, summary: 'Rename or recode a division', params: idParams, body: divisionUpdateSchema, response: { 200: divisionSchema } } },
    async (request) => divisions.update(contextOf(request), request.params.id, request.body),
  );
}
