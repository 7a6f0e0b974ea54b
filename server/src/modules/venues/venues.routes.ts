import { pageSchema, venueCreateSchema, venueDetailSchema, venueListQuerySchema, venueSchema, venueUpdateSchema } from '@tongxin/core';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { idParams, versionBody } from './venues.schema.ts';
import * as venues from './venues.service.ts';
import { exportVenues } from './venues.export.ts';

export async function venueRoutes(app: FastifyZod): Promise<void> {
  const tags = ['venues'];
  app.get(
    '/api/venues',
    {
      schema: {
        tags,
        summary: 'Venues (阵地) of your subtree: paged, sorted, filtered by division subtree, type, level, stars, public, text',
        querystring: venueListQuerySchema,
        response: { 200: pageSchema(venueSchema) },
      },
    },
    async (request) => venues.list(contextOf(request), request.query),
  );
  app.get(
    '/api/venues/export',
    {
      schema: {
        tags,
        summary: 'The filtered venue list as .xlsx (phones masked; audited)',
        querystring: venueListQuerySchema.omit({ page: true, pageSize: true, sort: true, order: true }),
      },
    },
    async (request, reply) => exportVenues(reply, contextOf(request), request.query),
  );
  app.get(
    '/api/venues/:id',
    { schema: { tags, summary: 'One venue, with its division path and what links to it', params: idParams, response: { 200: venueDetailSchema } } },
    async (request) => venues.detail(contextOf(request), request.params.id),
  );
  app.post(
    '/api/venues',
    { schema: { tags, summary: 'Create a venue in your subtree', body: venueCreateSchema, response: { 201: venueSchema } } },
    async (request, reply) => reply.code(201).send(await venues.create(contextOf(request), request.body)),
  );
  app.patch(
    '/api/venues/:id',
    { schema: { tags, summary: 'Edit a venue (send the version you saw)', params: idParams, body: venueUpdateSchema, response: { 200: venueSchema } } },
    async (request) => venues.update(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/venues/:id/archive',
    { schema: { tags, summary: 'Archive a venue (it leaves lists and the public guide)', params: idParams, body: versionBody, response: { 200: venueSchema } } },
    async (request) => venues.setArchived(contextOf(request), request.params.id, true, request.body.version),
  );
  app.post(
    '/api/venues/:id/unarchive',
    { schema: { tags, summary: 'Restore an archived venue', params: idParams, body: versionBody, response: { 200: venueSchema } } },
    async (request) => venues.setArchived(contextOf(request), request.params.id, false, request.body.version),
  );
}
