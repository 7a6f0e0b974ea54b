import {
  contactCreateSchema,
  contactSchema,
  pageQuerySchema,
  pageSchema,
  relationshipCreateSchema,
  relationshipDetailSchema,
  relationshipListQuerySchema,
  relationshipSchema,
  relationshipUpdateSchema,
  reminderListQuerySchema,
} from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { exportRelationships } from './liaison.export.ts';
import * as liaison from './liaison.service.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });

export async function liaisonRoutes(app: FastifyZod): Promise<void> {
  const tags = ['liaison'];
  app.get(
    '/api/liaison/relationships',
    { schema: { tags, summary: '交朋友: cadre ↔ representative relationships of your subtree (phones masked)', querystring: relationshipListQuerySchema, response: { 200: pageSchema(relationshipSchema) } } },
    async (request) => liaison.list(contextOf(request), request.query),
  );
  app.get(
    '/api/liaison/relationships/export',
    { schema: { tags, summary: 'The filtered relationships, all pages, as .xlsx (phones masked; audited as liaison_relationship.export)', querystring: relationshipListQuerySchema } },
    async (request, reply) => exportRelationships(reply, contextOf(request), request.query),
  );
  app.get(
    '/api/liaison/reminders',
    { schema: { tags, summary: 'Current relationships with no contact in the last quarter, longest silence first', querystring: reminderListQuerySchema, response: { 200: pageSchema(relationshipSchema) } } },
    async (request) => liaison.reminders(contextOf(request), request.query),
  );
  app.get(
    '/api/liaison/relationships/:id',
    { schema: { tags, summary: 'One relationship with its latest contacts', params: idParams, response: { 200: relationshipDetailSchema } } },
    async (request) => liaison.detail(contextOf(request), request.params.id),
  );
  app.post(
    '/api/liaison/relationships',
    { schema: { tags, summary: 'Start a relationship (the cadre defaults to you)', body: relationshipCreateSchema, response: { 201: relationshipDetailSchema } } },
    async (request, reply) => reply.code(201).send(await liaison.create(contextOf(request), request.body)),
  );
  app.patch(
    '/api/liaison/relationships/:id',
    { schema: { tags, summary: 'End a relationship (until) or change its note', params: idParams, body: relationshipUpdateSchema, response: { 200: relationshipDetailSchema } } },
    async (request) => liaison.update(contextOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/liaison/relationships/:id/contacts',
    { schema: { tags, summary: 'The contact log, newest first', params: idParams, querystring: pageQuerySchema, response: { 200: pageSchema(contactSchema) } } },
    async (request) => liaison.contacts(contextOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/liaison/relationships/:id/contacts',
    { schema: { tags, summary: 'Log a talk, visit or meeting', params: idParams, body: contactCreateSchema, response: { 201: contactSchema } } },
    async (request, reply) => reply.code(201).send(await liaison.logContact(contextOf(request), request.params.id, request.body)),
  );
}
