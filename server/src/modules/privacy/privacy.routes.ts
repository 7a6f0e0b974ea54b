import { phoneReportQuerySchema, phoneReportSchema } from '@tongxin/core';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { phoneReport } from './privacy.service.ts';

export async function privacyRoutes(app: FastifyZod): Promise<void> {
  app.get(
    '/api/privacy/phone-report',
    {
      schema: {
        tags: ['privacy'],
        summary: 'What we hold about a phone number: every record of your subtree storing it (administrators; audited, number masked)',
        querystring: phoneReportQuerySchema,
        response: { 200: phoneReportSchema },
      },
    },
    async (request) => phoneReport(contextOf(request), request.query.phone),
  );
}
