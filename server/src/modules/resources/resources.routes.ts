import {
  pageSchema,
  resourceCreateSchema,
  resourceDetailSchema,
  resourceListQuerySchema,
  resourcePhoneSchema,
  resourceSchema,
  resourceUpdateSchema,
} from '@tongxin/core';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { idParams, versionBody } from '../../kernel/route-schemas.ts';
import * as resources from './resources.service.ts';
import { exportResources } from './resources.export.ts';

export async function resourceRoutes(app: FastifyZod): Promise<void> {
  const tags = ['resources'];
  app.get(
    '/api/resources',
    {
      schema: {
        tags,
        summary: 'Resources (资源清单) of your subtree: paged, sorted, filtered by service kind(s), division subtree, kind, text (phones masked)',
        querystring: resourceListQuerySchema,
        response: { 200: pageSchema(resourceSchema) },
      },
    },
    async (request) => resources.list(contextOf(request), request.query),
  );
  app.get(
    '/api/resources/export',
    { schema: { tags, summary: 'The filtered resource list as .xlsx (phones masked; audited)', querystring: resourceListQuerySchema.omit({ page: true, pageSize: true, sort: true, order: true }) } },
    async (request, reply) => exportResources(reply, contextOf(request), request.query),
  );
  app.get(
    '/api/resources/:id',
    { schema: { tags, summary: 'One resource with the services it offers (phone masked)', params: idParams, response: { 200: resourceDetailSchema } } },
    async (request) => resources.detail(contextOf(request), request.params.id),
  );
  app.post(
    '/api/resources',
    { schema: { tags, summary: 'Create a resource in your subtree', body: resourceCreateSchema, response: { 201: resourceSchema } } },
    async (request, reply) => reply.code(201).send(await resources.create(contextOf(request), request.body)),
  );
  app.patch(
    '/api/resources/:id',
    { schema: { tags, summary: 'Edit a resource; serviceKindIds replaces the whole set (send the version you saw)', params: idParams, body: resourceUpdateSchema, response: { 200: resourceSchema } } },
    async (request) => resources.update(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/resources/:id/archive',
    { schema: { tags, summary: 'Archive a resource (it is no longer matched to needs)', params: idParams, body: versionBody, response: { 200: resourceSchema } } },
    async (request) => resources.setArchived(contextOf(request), request.params.id, true, request.body.version),
  );
  app.post(
    '/api/resources/:id/unarchive',
    { schema: { tags, summary: 'Restore an archived resource', params: idParams, body: versionBody, response: { 200: resourceSchema } } },
    async (request) => resources.setArchived(contextOf(request), request.params.id, false, request.body.version),
  );
  app.post(
    '/api/resources/:id/reveal-phone',
    { schema: { tags, summary: 'The full contact phone (staff and admins of the subtree; audited)', params: idParams, response: { 200: resourcePhoneSchema } } },
    async (request) => resources.revealPhone(contextOf(request), request.params.id),
  );
}
