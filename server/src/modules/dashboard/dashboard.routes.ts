import { dashboardBreakdownSchema, dashboardQuerySchema, dashboardSchema } from '@tongxin/core';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import * as dashboard from './dashboard.service.ts';

export async function dashboardRoutes(app: FastifyZod): Promise<void> {
  const tags = ['dashboard'];
  app.get(
    '/api/dashboard',
    {
      schema: {
        tags,
        summary: 'Every figure of a division subtree for a period (Shanghai dates), with the previous period and the same period last year',
        querystring: dashboardQuerySchema,
        response: { 200: dashboardSchema },
      },
    },
    async (request) => dashboard.figures(contextOf(request), request.query),
  );
  app.get(
    '/api/dashboard/breakdown',
    {
      schema: {
        tags,
        summary: 'Headline figures of each child division (the level below) for a period',
        querystring: dashboardQuerySchema,
        response: { 200: dashboardBreakdownSchema },
      },
    },
    async (request) => dashboard.breakdown(contextOf(request), request.query),
  );
}
