import { abstainSchema, myCompetitionSchema, raterEntryDetailSchema, raterViewSchema, reviewSaveSchema } from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { entryParams, idParams } from './competitions.schema.ts';
import * as reviews from './reviews.service.ts';

/** The rater's side: open to the competition's raters wherever they sit, to nobody else. */
export async function reviewRoutes(app: FastifyZod): Promise<void> {
  const tags = ['competition review'];
  app.get(
    '/api/competitions/reviewing',
    { schema: { tags, summary: 'Competitions in which you rate, with your progress', response: { 200: z.array(myCompetitionSchema) } } },
    async (request) => reviews.myCompetitions(contextOf(request)),
  );
  app.get(
    '/api/competitions/:id/review',
    { schema: { tags, summary: 'Your rater page: progress (12 / 45), the entries you may review, the next one', params: idParams, response: { 200: raterViewSchema } } },
    async (request) => reviews.raterView(contextOf(request), request.params.id),
  );
  app.get(
    '/api/competitions/:id/review/next',
    { schema: { tags, summary: '"Save and next": the entry with the fewest reviews you have not done', params: idParams, response: { 200: z.object({ nextEntryId: z.number().int().nullable(), progress: z.object({ done: z.number().int(), total: z.number().int() }) }) } } },
    async (request) => reviews.nextEntry(contextOf(request), request.params.id),
  );
  app.get(
    '/api/competitions/:id/review/entries/:entryId',
    { schema: { tags, summary: "One entry to score (others' scores only when the phase shows them; authors hidden when it hides them)", params: entryParams, response: { 200: raterEntryDetailSchema } } },
    async (request) => reviews.entryForRater(contextOf(request), request.params.id, request.params.entryId),
  );
  app.put(
    '/api/competitions/:id/review/entries/:entryId',
    { schema: { tags, summary: 'Save your scores (review phase only; 403 on your own organisation’s entry); answers with nextEntryId', params: entryParams, body: reviewSaveSchema, response: { 200: raterEntryDetailSchema } } },
    async (request) => reviews.saveReview(contextOf(request), request.params.id, request.params.entryId, request.body),
  );
  app.post(
    '/api/competitions/:id/review/entries/:entryId/abstain',
    { schema: { tags, summary: 'Abstain on an entry with a reason', params: entryParams, body: abstainSchema, response: { 200: raterEntryDetailSchema } } },
    async (request) => reviews.abstain(contextOf(request), request.params.id, request.params.entryId, request.body),
  );
}
