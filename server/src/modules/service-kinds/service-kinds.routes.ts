import { serviceKindCreateSchema, serviceKindListQuerySchema, serviceKindSchema, serviceKindUpdateSchema, serviceKindWithCountSchema } from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { idParams, versionBody } from '../../kernel/route-schemas.ts';
import * as serviceKinds from './service-kinds.service.ts';

export async function serviceKindRoutes(app: FastifyZod): Promise<void> {
  const tags = ['service-kinds'];
  app.get(
    '/api/service-kinds',
    {
      schema: {
        tags,
        summary: 'The managed list of service kinds, in order, with how many resources of your subtree offer each',
        querystring: serviceKindListQuerySchema,
        response: { 200: z.array(serviceKindWithCountSchema) },
      },
    },
    async (request) => serviceKinds.list(contextOf(request), request.query.archived),
  );
  app.post(
    '/api/service-kinds',
    { schema: { tags, summary: 'Add a service kind (system admin)', body: serviceKindCreateSchema, response: { 201: serviceKindSchema } } },
    async (request, reply) => reply.code(201).send(await serviceKinds.create(contextOf(request), request.body)),
  );
  app.patch(
    '/api/service-kinds/:id',
    { schema: { tags, summary: 'Rename or reorder a service kind (system admin)', params: idParams, body: serviceKindUpdateSchema, response: { 200: serviceKindSchema } } },
    async (request) => serviceKinds.update(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/service-kinds/:id/archive',
    { schema: { tags, summary: 'Archive a service kind (system admin)', params: idParams, body: versionBody, response: { 200: serviceKindSchema } } },
    async (request) => serviceKinds.setArchived(contextOf(request), request.params.id, true, request.body.version),
  );
  app.post(
    '/api/service-kinds/:id/unarchive',
    { schema: { tags, summary: 'Restore an archived service kind (system admin)', params: idParams, body: versionBody, response: { 200: serviceKindSchema } } },
    async (request) => serviceKinds.setArchived(contextOf(request), request.params.id, false, request.body.version),
  );
}
