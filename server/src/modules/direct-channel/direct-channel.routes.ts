import {
  dcAssignmentCompleteSchema,
  dcAssignmentRemindSchema,
  dcAssignmentSchema,
  dcAssignmentStepSchema,
  dcAssignSchema,
  dcInstructionCreateSchema,
  dcReportCreateSchema,
  dcReportDetailSchema,
  dcReportListQuerySchema,
  dcReportSchema,
  dcSupervisionQuerySchema,
  pageSchema,
} from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import * as dc from './dc.service.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** The direct channel (直通车): reports, instructions (批示), assignments (交办) and supervision (督办). */
export async function directChannelRoutes(app: FastifyZod): Promise<void> {
  const tags = ['direct-channel'];
  const base = '/api/direct-channel';
  app.get(
    `${base}/reports`,
    { schema: { tags, summary: 'Reports you may see (your subtree, your organisations, your assigned units), with progress', querystring: dcReportListQuerySchema, response: { 200: pageSchema(dcReportSchema) } } },
    async (request) => dc.list(contextOf(request), request.query),
  );
  app.post(
    `${base}/reports`,
    { schema: { tags, summary: 'Submit a research report or proposal for an organisation', body: dcReportCreateSchema, response: { 201: dcReportDetailSchema } } },
    async (request, reply) => reply.code(201).send(await dc.create(contextOf(request), request.body)),
  );
  app.get(
    `${base}/reports/:id`,
    { schema: { tags, summary: 'One report: instructions, each unit’s assignment with supervision state, and the timeline', params: idParams, response: { 200: dcReportDetailSchema } } },
    async (request) => dc.detail(contextOf(request), request.params.id),
  );
  app.post(
    `${base}/reports/:id/instructions`,
    { schema: { tags, summary: 'Record a leader’s instruction (批示) (office staff)', params: idParams, body: dcInstructionCreateSchema, response: { 200: dcReportDetailSchema } } },
    async (request) => dc.instruct(contextOf(request), request.params.id, request.body),
  );
  app.post(
    `${base}/reports/:id/assignments`,
    { schema: { tags, summary: 'Assign (交办) to one or more units with deadlines (office staff); 409 before an instruction', params: idParams, body: dcAssignSchema, response: { 200: dcReportDetailSchema } } },
    async (request) => dc.assign(contextOf(request), request.params.id, request.body),
  );
  app.get(
    `${base}/supervision`,
    { schema: { tags, summary: 'Supervision board (督办): open assignments of your subtree, overdue flags, reminders, escalation', querystring: dcSupervisionQuerySchema, response: { 200: z.array(dcAssignmentSchema) } } },
    async (request) => dc.supervision(contextOf(request), request.query),
  );
  app.post(
    `${base}/assignments/:id/accept`,
    { schema: { tags, summary: 'The unit signs for its assignment', params: idParams, body: dcAssignmentStepSchema, response: { 200: dcReportDetailSchema } } },
    async (request) => dc.step(contextOf(request), request.params.id, 'accepted', request.body),
  );
  app.post(
    `${base}/assignments/:id/complete`,
    { schema: { tags, summary: 'The unit reports completion with evidence; the report closes when every unit is done', params: idParams, body: dcAssignmentCompleteSchema, response: { 200: dcReportDetailSchema } } },
    async (request) => dc.step(contextOf(request), request.params.id, 'completed', request.body),
  );
  app.post(
    `${base}/assignments/:id/remind`,
    { schema: { tags, summary: 'Remind a unit (督办催办) (office staff); recorded and notified', params: idParams, body: dcAssignmentRemindSchema, response: { 200: dcReportDetailSchema } } },
    async (request) => dc.remind(contextOf(request), request.params.id, request.body.note),
  );
}
