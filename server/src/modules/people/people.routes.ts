import { pageSchema, personCreateSchema, personDetailSchema, personListQuerySchema, personSchema, personUpdateSchema, revealedPhoneSchema, versionBodySchema } from '@tongxin/core';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { idParams } from '../organisations/organisations.schema.ts';
import { exportPeople } from './people.export.ts';
import * as people from './people.service.ts';

export async function peopleRoutes(app: FastifyZod): Promise<void> {
  const tags = ['people'];
  app.get(
    '/api/people',
    {
      schema: {
        tags,
        summary: 'People of your subtree: paged, sorted, filtered by division subtree, organisation, role, text (phones masked)',
        querystring: personListQuerySchema,
        response: { 200: pageSchema(personSchema) },
      },
    },
    async (request) => people.list(contextOf(request), request.query),
  );
  app.get(
    '/api/people/export',
    {
      schema: {
        tags,
        summary: 'The filtered list as .xlsx (same filters as the list; phones masked; audited as person.export)',
        querystring: personListQuerySchema.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => exportPeople(reply, contextOf(request), request.query),
  );
  app.get(
    '/api/people/:id',
    { schema: { tags, summary: 'One person with their memberships (phone masked)', params: idParams, response: { 200: personDetailSchema } } },
    async (request) => people.detail(contextOf(request), request.params.id),
  );
  app.post(
    '/api/people',
    { schema: { tags, summary: 'Add a person (name, phone, organisation, position — nothing more)', body: personCreateSchema, response: { 201: personSchema } } },
    async (request, reply) => reply.code(201).send(await people.create(contextOf(request), request.body)),
  );
  app.patch(
    '/api/people/:id',
    { schema: { tags, summary: 'Edit a person (needs the current version)', params: idParams, body: personUpdateSchema, response: { 200: personSchema } } },
    async (request) => people.update(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/people/:id/archive',
    { schema: { tags, summary: 'Archive a person', params: idParams, body: versionBodySchema, response: { 200: personSchema } } },
    async (request) => people.setArchived(contextOf(request), request.params.id, true, request.body.version),
  );
  app.post(
    '/api/people/:id/unarchive',
    { schema: { tags, summary: 'Bring an archived person back', params: idParams, body: versionBodySchema, response: { 200: personSchema } } },
    async (request) => people.setArchived(contextOf(request), request.params.id, false, request.body.version),
  );
  app.post(
    '/api/people/:id/reveal-phone',
    { schema: { tags, summary: 'The full phone number (staff and admins of the subtree; audited as person.reveal_phone)', params: idParams, response: { 200: revealedPhoneSchema } } },
    async (request) => people.revealPhone(contextOf(request), request.params.id),
  );
}
