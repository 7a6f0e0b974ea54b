import { instanceFactsSchema } from '@tongxin/core';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { publicContextOf } from '../../http/context.ts';
import { instanceFacts } from './meta.service.ts';

export async function metaRoutes(app: FastifyZod): Promise<void> {
  app.get(
    '/api/public/instance',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: 'About this installation (no sign-in): whether the demo data set is loaded, so the sign-in page offers the demo account only then',
        response: { 200: instanceFactsSchema },
      },
    },
    async (request) => instanceFacts(publicContextOf(request)),
  );
}
