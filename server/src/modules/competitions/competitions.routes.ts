import {
  competitionCreateSchema,
  competitionDetailSchema,
  competitionListQuerySchema,
  competitionSchema,
  competitionUpdateSchema,
  entryCreateSchema,
  entrySchema,
  entryUpdateSchema,
  pageSchema,
  phaseUpdateSchema,
} from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { entryListQuery, entryParams, idParams, phaseParams, versionBody } from './competitions.schema.ts';
import * as competitions from './competitions.service.ts';
import * as entries from './entries.service.ts';
import { raterRoutes } from './raters.routes.ts';
import { resultRoutes } from './results.routes.ts';
import { reviewRoutes } from './review.routes.ts';

export async function competitionRoutes(app: FastifyZod): Promise<void> {
  const tags = ['competitions'];
  app.get(
    '/api/competitions',
    { schema: { tags, summary: 'Competitions of your subtree (filter by division subtree, year, text, archived)', querystring: competitionListQuerySchema, response: { 200: pageSchema(competitionSchema) } } },
    async (request) => competitions.list(contextOf(request), request.query),
  );
  app.post(
    '/api/competitions',
    { schema: { tags, summary: 'Create a competition with its scoring settings; its five phases start closed', body: competitionCreateSchema, response: { 201: competitionSchema } } },
    async (request, reply) => reply.code(201).send(await competitions.create(contextOf(request), request.body)),
  );
  app.get(
    '/api/competitions/:id',
    { schema: { tags, summary: 'One competition (readers of the subtree and its raters), with allowed actions', params: idParams, response: { 200: competitionDetailSchema } } },
    async (request) => competitions.detail(contextOf(request), request.params.id),
  );
  app.patch(
    '/api/competitions/:id',
    { schema: { tags, summary: 'Edit title, settings, vote options (dimensions frozen once reviews exist)', params: idParams, body: competitionUpdateSchema, response: { 200: competitionSchema } } },
    async (request) => competitions.update(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/competitions/:id/archive',
    { schema: { tags, summary: 'Archive a competition', params: idParams, body: versionBody, response: { 200: competitionSchema } } },
    async (request) => competitions.setArchived(contextOf(request), request.params.id, true, request.body.version),
  );
  app.post(
    '/api/competitions/:id/unarchive',
    { schema: { tags, summary: 'Bring an archived competition back', params: idParams, body: versionBody, response: { 200: competitionSchema } } },
    async (request) => competitions.setArchived(contextOf(request), request.params.id, false, request.body.version),
  );
  app.patch(
    '/api/competitions/:id/phases/:kind',
    { schema: { tags, summary: "A phase's dates and rater settings (new dates clear a hand opening/closing)", params: phaseParams, body: phaseUpdateSchema, response: { 200: competitionSchema } } },
    async (request) => competitions.updatePhaseSettings(contextOf(request), request.params.id, request.params.kind, request.body),
  );
  app.post(
    '/api/competitions/:id/phases/:kind/open',
    { schema: { tags, summary: 'Open a phase by hand (body: the phase version)', params: phaseParams, body: versionBody, response: { 200: competitionSchema } } },
    async (request) => competitions.setPhaseOpen(contextOf(request), request.params.id, request.params.kind, true, request.body.version),
  );
  app.post(
    '/api/competitions/:id/phases/:kind/close',
    { schema: { tags, summary: 'Close a phase by hand (body: the phase version)', params: phaseParams, body: versionBody, response: { 200: competitionSchema } } },
    async (request) => competitions.setPhaseOpen(contextOf(request), request.params.id, request.params.kind, false, request.body.version),
  );

  app.get(
    '/api/competitions/:id/entries',
    { schema: { tags, summary: 'Entries in code order with review counts (?withdrawn=true adds withdrawn ones)', params: idParams, querystring: entryListQuery, response: { 200: z.array(entrySchema) } } },
    async (request) => entries.list(contextOf(request), request.params.id, request.query.withdrawn === 'true'),
  );
  app.post(
    '/api/competitions/:id/entries',
    { schema: { tags, summary: 'Add an entry: a project (projectId) or a typed entry (title, organisation, summary)', params: idParams, body: entryCreateSchema, response: { 201: entrySchema } } },
    async (request, reply) => reply.code(201).send(await entries.create(contextOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/competitions/:id/entries/:entryId',
    { schema: { tags, summary: 'Edit an entry', params: entryParams, body: entryUpdateSchema, response: { 200: entrySchema } } },
    async (request) => entries.update(contextOf(request), request.params.id, request.params.entryId, request.body),
  );
  app.post(
    '/api/competitions/:id/entries/:entryId/withdraw',
    { schema: { tags, summary: 'Withdraw an entry (its reviews leave the results)', params: entryParams, body: versionBody, response: { 200: entrySchema } } },
    async (request) => entries.setWithdrawn(contextOf(request), request.params.id, request.params.entryId, true, request.body.version),
  );
  app.post(
    '/api/competitions/:id/entries/:entryId/restore',
    { schema: { tags, summary: 'Bring a withdrawn entry back', params: entryParams, body: versionBody, response: { 200: entrySchema } } },
    async (request) => entries.setWithdrawn(contextOf(request), request.params.id, request.params.entryId, false, request.body.version),
  );

  await raterRoutes(app);
  await reviewRoutes(app);
  await resultRoutes(app);
}
