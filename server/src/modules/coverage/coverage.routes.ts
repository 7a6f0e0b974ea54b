import { coverageMissingSchema, coverageRuleCreateSchema, coverageRuleListQuerySchema, coverageRuleSchema, pageQuerySchema, pageSchema } from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import * as coverage from './coverage.service.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const versionBody = z.strictObject({ version: z.number().int().positive() });

export async function coverageRoutes(app: FastifyZod): Promise<void> {
  const tags = ['coverage'];
  app.get(
    '/api/coverage-rules',
    { schema: { tags, summary: 'Coverage rules of your subtree, each with its ratio today and its trend at month ends', querystring: coverageRuleListQuerySchema, response: { 200: pageSchema(coverageRuleSchema) } } },
    async (request) => coverage.list(contextOf(request), request.query),
  );
  app.get(
    '/api/coverage-rules/:id',
    { schema: { tags, summary: 'One coverage rule: ratio, trend, days left', params: idParams, response: { 200: coverageRuleSchema } } },
    async (request) => coverage.detail(contextOf(request), request.params.id),
  );
  app.get(
    '/api/coverage-rules/:id/missing',
    { schema: { tags, summary: 'Units still below the rule, fewest records first', params: idParams, querystring: pageQuerySchema, response: { 200: pageSchema(coverageMissingSchema) } } },
    async (request) => coverage.missing(contextOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/coverage-rules',
    { schema: { tags, summary: 'Declare "every <level> in <division> has at least N <kind> by <deadline>"', body: coverageRuleCreateSchema, response: { 201: coverageRuleSchema } } },
    async (request, reply) => reply.code(201).send(await coverage.create(contextOf(request), request.body)),
  );
  app.post(
    '/api/coverage-rules/:id/archive',
    { schema: { tags, summary: 'Retire a rule', params: idParams, body: versionBody } },
    async (request, reply) => {
      await coverage.archive(contextOf(request), request.params.id, request.body.version);
      return reply.code(204).send();
    },
  );
}
