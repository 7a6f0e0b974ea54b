import { liveFigureKeys } from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { checkBriefing } from './figure-check.service.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const checkSchema = z.object({
  briefingId: z.number().int(),
  checks: z.array(
    z.object({
      section: z.string(),
      raw: z.string(),
      label: z.string(),
      key: z.enum(liveFigureKeys),
      written: z.number(),
      live: z.number(),
      low: z.number(),
      high: z.number(),
      tolerance: z.enum(['at_least', 'nearly', 'about', 'exact']),
      differs: z.boolean(),
      link: z.string(),
    }),
  ),
});

export async function figureCheckRoutes(app: FastifyZod): Promise<void> {
  app.get(
    '/api/briefings/:id/figure-check',
    { schema: { tags: ['briefings'], summary: "Each figure of the briefing's text against the live figure from records, flagged beyond the text's own rounding", params: idParams, response: { 200: checkSchema } } },
    async (request) => checkBriefing(contextOf(request), request.params.id),
  );
}
