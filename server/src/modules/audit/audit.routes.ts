import { auditEntrySchema, auditQuerySchema, pageSchema } from '@tongxin/core';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { listAudit } from './audit.service.ts';

export async function auditRoutes(app: FastifyZod): Promise<void> {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit log of your subtree',
        querystring: auditQuerySchema,
        response: { 200: pageSchema(auditEntrySchema) },
      },
    },
    async (request) => listAudit(contextOf(request), request.query),
  );
}
