import { meetingQuarterSchema, meetingQuartersQuerySchema } from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import * as meetings from './liaison-meetings.service.ts';

export async function liaisonMeetingRoutes(app: FastifyZod): Promise<void> {
  app.get(
    '/api/liaison/meeting-quarters',
    {
      schema: {
        tags: ['liaison'],
        summary: '季度座谈会: per quarter of a year, seminars held in your subtree, their attendees, and quarters that passed with none',
        querystring: meetingQuartersQuerySchema,
        response: { 200: z.array(meetingQuarterSchema) },
      },
    },
    async (request) => meetings.quarters(contextOf(request), request.query),
  );
}
