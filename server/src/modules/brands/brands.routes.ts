import {
  brandCreateSchema,
  brandDetailSchema,
  brandListQuerySchema,
  brandMatrixQuerySchema,
  brandMatrixSchema,
  brandSchema,
  brandUpdateSchema,
  pageSchema,
} from '@tongxin/core';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { idParams, versionBody } from '../../kernel/route-schemas.ts';
import * as brands from './brands.service.ts';
import { exportBrands } from './brands.export.ts';

export async function brandRoutes(app: FastifyZod): Promise<void> {
  const tags = ['brands'];
  app.get(
    '/api/brands',
    { schema: { tags, summary: 'Brands (品牌) of your subtree: paged, sorted, filtered by division subtree, field, text', querystring: brandListQuerySchema, response: { 200: pageSchema(brandSchema) } } },
    async (request) => brands.list(contextOf(request), request.query),
  );
  app.get(
    '/api/brands/matrix',
    {
      schema: {
        tags,
        summary: 'Brand matrix: the divisions below yours (or below parentId) × fields, each cell with its brands',
        querystring: brandMatrixQuerySchema,
        response: { 200: brandMatrixSchema },
      },
    },
    async (request) => brands.matrix(contextOf(request), request.query.parentId),
  );
  app.get(
    '/api/brands/export',
    { schema: { tags, summary: 'The filtered brand list as .xlsx (audited)', querystring: brandListQuerySchema.omit({ page: true, pageSize: true, sort: true, order: true }) } },
    async (request, reply) => exportBrands(reply, contextOf(request), request.query),
  );
  app.get(
    '/api/brands/:id',
    { schema: { tags, summary: 'One brand with the venues that carry it', params: idParams, response: { 200: brandDetailSchema } } },
    async (request) => brands.detail(contextOf(request), request.params.id),
  );
  app.post(
    '/api/brands',
    { schema: { tags, summary: 'Create a brand in your subtree', body: brandCreateSchema, response: { 201: brandSchema } } },
    async (request, reply) => reply.code(201).send(await brands.create(contextOf(request), request.body)),
  );
  app.patch(
    '/api/brands/:id',
    { schema: { tags, summary: 'Edit a brand (send the version you saw)', params: idParams, body: brandUpdateSchema, response: { 200: brandSchema } } },
    async (request) => brands.update(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/brands/:id/archive',
    { schema: { tags, summary: 'Archive a brand (venues keep it; nothing new can take it)', params: idParams, body: versionBody, response: { 200: brandSchema } } },
    async (request) => brands.setArchived(contextOf(request), request.params.id, true, request.body.version),
  );
  app.post(
    '/api/brands/:id/unarchive',
    { schema: { tags, summary: 'Restore an archived brand', params: idParams, body: versionBody, response: { 200: brandSchema } } },
    async (request) => brands.setArchived(contextOf(request), request.params.id, false, request.body.version),
  );
}
