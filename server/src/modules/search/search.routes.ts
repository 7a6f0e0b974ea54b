import { searchQuerySchema, searchResultSchema } from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import * as searchService from './search.service.ts';

export async function searchRoutes(app: FastifyZod): Promise<void> {
  const tags = ['search'];
  app.get(
    '/api/search',
    {
      schema: {
        tags,
        summary:
          'One search across organisations, people (by name only), venues, projects, activities, needs, cases and articles of your subtree: either script, pinyin or initials; grouped by kind, ranked, with match ranges',
        querystring: searchQuerySchema,
        response: { 200: searchResultSchema },
      },
    },
    async (request) => searchService.search(contextOf(request), request.query),
  );
  app.post(
    '/api/search/reindex',
    {
      schema: {
        tags,
        summary: 'Rebuild the search index from the records (system administrators; audited)',
        response: { 200: z.object({ counts: z.record(z.string(), z.number().int()) }) },
      },
    },
    async (request) => searchService.reindex(contextOf(request)),
  );
}
