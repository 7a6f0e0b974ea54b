import {
  organisationCreateSchema,
  organisationDetailSchema,
  organisationListQuerySchema,
  organisationSchema,
  organisationUpdateSchema,
  listPageSchema,
  revealedPhoneSchema,
  versionBodySchema,
} from '@tongxin/core';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { membershipRoutes } from './memberships.routes.ts';
import { exportOrganisations } from './organisations.export.ts';
import { idParams } from './organisations.schema.ts';
import * as organisations from './organisations.service.ts';

export async function organisationRoutes(app: FastifyZod): Promise<void> {
  const tags = ['organisations'];
  app.get(
    '/api/organisations',
    {
      schema: {
        tags,
        summary: 'Organisations of your subtree: paged (page, or the after cursor from nextCursor), sorted, filtered by division subtree, type, archived, text (phones masked); totalIsEstimate marks an approximate total',
        querystring: organisationListQuerySchema,
        response: { 200: listPageSchema(organisationSchema) },
      },
    },
    async (request) => organisations.list(contextOf(request), request.query),
  );
  app.get(
    '/api/organisations/export',
    {
      schema: {
        tags,
        summary: 'The filtered list as .xlsx (same filters as the list; phones masked; audited as organisation.export)',
        querystring: organisationListQuerySchema.omit({ page: true, pageSize: true, after: true }),
      },
    },
    async (request, reply) => exportOrganisations(reply, contextOf(request), request.query),
  );
  app.get(
    '/api/organisations/:id',
    { schema: { tags, summary: 'One organisation with what links to it', params: idParams, response: { 200: organisationDetailSchema } } },
    async (request) => organisations.detail(contextOf(request), request.params.id),
  );
  app.post(
    '/api/organisations',
    { schema: { tags, summary: 'Create an organisation in your subtree', body: organisationCreateSchema, response: { 201: organisationSchema } } },
    async (request, reply) => reply.code(201).send(await organisations.create(contextOf(request), request.body)),
  );
  app.patch(
    '/api/organisations/:id',
    { schema: { tags, summary: 'Edit an organisation (needs its current version)', params: idParams, body: organisationUpdateSchema, response: { 200: organisationSchema } } },
    async (request) => organisations.update(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/organisations/:id/archive',
    { schema: { tags, summary: 'Archive an organisation (never deleted: others link to it)', params: idParams, body: versionBodySchema, response: { 200: organisationSchema } } },
    async (request) => organisations.setArchived(contextOf(request), request.params.id, true, request.body.version),
  );
  app.post(
    '/api/organisations/:id/unarchive',
    { schema: { tags, summary: 'Bring an archived organisation back', params: idParams, body: versionBodySchema, response: { 200: organisationSchema } } },
    async (request) => organisations.setArchived(contextOf(request), request.params.id, false, request.body.version),
  );
  app.post(
    '/api/organisations/:id/reveal-phone',
    { schema: { tags, summary: 'The full contact phone (staff and admins of the subtree; audited)', params: idParams, response: { 200: revealedPhoneSchema } } },
    async (request) => organisations.revealPhone(contextOf(request), request.params.id),
  );
  await membershipRoutes(app);
}
