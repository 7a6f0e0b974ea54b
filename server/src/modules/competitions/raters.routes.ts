import { assignmentCreateSchema, assignmentRemoveSchema, assignmentResultSchema, assignmentSchema, raterCandidateQuerySchema, raterCandidateSchema, raterCreateSchema, raterSchema } from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { idParams, raterParams } from './competitions.schema.ts';
import * as raters from './raters.service.ts';

export async function raterRoutes(app: FastifyZod): Promise<void> {
  const tags = ['competitions'];
  app.get(
    '/api/competitions/:id/raters',
    { schema: { tags, summary: 'Raters with their group, organisation (for the conflict bar), assignments and progress', params: idParams, response: { 200: z.array(raterSchema) } } },
    async (request) => raters.list(contextOf(request), request.params.id),
  );
  app.get(
    '/api/competitions/:id/rater-candidates',
    {
      schema: {
        tags,
        summary: 'Users of your subtree you may add as raters (not raters here yet), by display or user name; the first 20',
        params: idParams,
        querystring: raterCandidateQuerySchema,
        response: { 200: z.array(raterCandidateSchema) },
      },
    },
    async (request) => raters.candidates(contextOf(request), request.params.id, request.query.q),
  );
  app.post(
    '/api/competitions/:id/raters',
    { schema: { tags, summary: 'Add raters (users of your subtree) to groups', params: idParams, body: raterCreateSchema, response: { 201: z.array(raterSchema) } } },
    async (request, reply) => reply.code(201).send(await raters.add(contextOf(request), request.params.id, request.body)),
  );
  app.delete(
    '/api/competitions/:id/raters/:raterId',
    { schema: { tags, summary: 'Remove a rater who has not reviewed yet (409 otherwise)', params: raterParams } },
    async (request, reply) => {
      await raters.remove(contextOf(request), request.params.id, request.params.raterId);
      return reply.code(204).send();
    },
  );
  app.get(
    '/api/competitions/:id/assignments',
    { schema: { tags, summary: 'Rater–entry assignments', params: idParams, response: { 200: z.array(assignmentSchema) } } },
    async (request) => raters.listAssigned(contextOf(request), request.params.id),
  );
  app.post(
    '/api/competitions/:id/assignments',
    {
      schema: {
        tags,
        summary: 'Assign by hand (pairs), by rule (groups × entries, or perEntry raters per group) or from a list (username, entry code); conflicts are skipped',
        params: idParams,
        body: assignmentCreateSchema,
        response: { 200: assignmentResultSchema },
      },
    },
    async (request) => raters.assign(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/competitions/:id/assignments/remove',
    { schema: { tags, summary: 'Remove assignments', params: idParams, body: assignmentRemoveSchema, response: { 200: z.object({ removed: z.number().int() }) } } },
    async (request) => raters.unassign(contextOf(request), request.params.id, request.body.pairs),
  );
}
