import { decisionDraftSchema, decisionSchema, decisionUpdateSchema, publicCompetitionSummarySchema, publicResultSchema, resultsSchema } from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf, publicContextOf } from '../../http/context.ts';
import { idParams, versionBody } from './competitions.schema.ts';
import { exportResults } from './results.export.ts';
import * as results from './results.service.ts';

export async function resultRoutes(app: FastifyZod): Promise<void> {
  const tags = ['competition results'];
  app.get(
    '/api/competitions/:id/results',
    { schema: { tags, summary: "Results table: each group's figure, total, spread, review counts, too-few flags, rank by the stated tie rule, proposed award, votes", params: idParams, response: { 200: resultsSchema } } },
    async (request) => results.results(contextOf(request), request.params.id),
  );
  app.get(
    '/api/competitions/:id/results/export',
    { schema: { tags, summary: 'The results table, ranked, as .xlsx (audited as competition_result.export)', params: idParams } },
    async (request, reply) => exportResults(reply, contextOf(request), request.params.id),
  );
  app.get(
    '/api/competitions/:id/decision',
    { schema: { tags, summary: 'The decision: none, a draft, or published', params: idParams, response: { 200: decisionSchema } } },
    async (request) => results.decision(contextOf(request), request.params.id),
  );
  app.post(
    '/api/competitions/:id/decision',
    { schema: { tags, summary: 'Draft the decision from the current ranking and award bands (replacing a draft needs its version)', params: idParams, body: decisionDraftSchema, response: { 200: decisionSchema } } },
    async (request) => results.draftDecision(contextOf(request), request.params.id, request.body),
  );
  app.put(
    '/api/competitions/:id/decision',
    { schema: { tags, summary: 'Adjust the draft awards', params: idParams, body: decisionUpdateSchema, response: { 200: decisionSchema } } },
    async (request) => results.editDecision(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/competitions/:id/decision/publish',
    { schema: { tags, summary: 'Publish the draft in one step (409 while review or public vote is open)', params: idParams, body: versionBody, response: { 200: decisionSchema } } },
    async (request) => results.publish(contextOf(request), request.params.id, request.body.version),
  );

  const publicTags = ['public'];
  app.get(
    '/api/public/competitions',
    { config: { access: 'public' }, schema: { tags: publicTags, summary: 'Competitions with a published result or an open public vote (no sign-in)', response: { 200: z.array(publicCompetitionSummarySchema) } } },
    async (request) => results.publicList(publicContextOf(request)),
  );
  app.get(
    '/api/public/competitions/:id/result',
    { config: { access: 'public' }, schema: { tags: publicTags, summary: 'The published result (404 until published)', params: idParams, response: { 200: publicResultSchema } } },
    async (request) => results.publicResult(publicContextOf(request), request.params.id),
  );
}
