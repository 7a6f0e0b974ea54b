import {
  assessmentCreateSchema,
  assessmentDetailSchema,
  assessmentListQuerySchema,
  assessmentSchema,
  checklistCreateSchema,
  checklistListQuerySchema,
  checklistOutputSchema,
  checklistUpdateSchema,
  pageSchema,
  sheetSaveSchema,
  starHistorySchema,
} from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { exportAssessments } from './assessments.export.ts';
import * as assessments from './assessments.service.ts';
import * as checklists from './checklists.service.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const venueParams = z.object({ venueId: z.coerce.number().int().positive() });
const versionBody = z.object({ version: z.number().int().positive() });

export async function assessmentRoutes(app: FastifyZod): Promise<void> {
  const tags = ['assessments'];
  app.get(
    '/api/assessment-checklists',
    { schema: { tags, summary: 'Yearly checklists of your subtree (filter by division subtree, year, venue type)', querystring: checklistListQuerySchema, response: { 200: pageSchema(checklistOutputSchema) } } },
    async (request) => checklists.list(contextOf(request), request.query),
  );
  app.post(
    '/api/assessment-checklists',
    { schema: { tags, summary: 'Create a checklist: criteria with points (deductions allowed) and star thresholds', body: checklistCreateSchema, response: { 201: checklistOutputSchema } } },
    async (request, reply) => reply.code(201).send(await checklists.create(contextOf(request), request.body)),
  );
  app.get(
    '/api/assessment-checklists/:id',
    { schema: { tags, summary: 'One checklist', params: idParams, response: { 200: checklistOutputSchema } } },
    async (request) => checklists.detail(contextOf(request), request.params.id),
  );
  app.patch(
    '/api/assessment-checklists/:id',
    { schema: { tags, summary: 'Edit a checklist (criteria and thresholds frozen once an assessment is final)', params: idParams, body: checklistUpdateSchema, response: { 200: checklistOutputSchema } } },
    async (request) => checklists.update(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/assessment-checklists/:id/archive',
    { schema: { tags, summary: 'Archive a checklist', params: idParams, body: versionBody, response: { 200: checklistOutputSchema } } },
    async (request) => checklists.setArchived(contextOf(request), request.params.id, true, request.body.version),
  );
  app.post(
    '/api/assessment-checklists/:id/assessments',
    {
      schema: {
        tags,
        summary: "Open draft assessments for the named venues, or for every venue of the checklist's type in its subtree",
        params: idParams,
        body: assessmentCreateSchema,
        response: { 201: z.object({ created: z.number().int(), skipped: z.number().int() }) },
      },
    },
    async (request, reply) => reply.code(201).send(await assessments.open(contextOf(request), request.params.id, request.body.venueIds)),
  );
  app.get(
    '/api/assessments',
    { schema: { tags, summary: 'Assessments of venues in your subtree (filter by checklist, venue, division subtree, year, status)', querystring: assessmentListQuerySchema, response: { 200: pageSchema(assessmentSchema) } } },
    async (request) => assessments.list(contextOf(request), request.query),
  );
  app.get(
    '/api/assessments/export',
    { schema: { tags, summary: 'The filtered assessments, all pages, as .xlsx (audited as assessment.export)', querystring: assessmentListQuerySchema } },
    async (request, reply) => exportAssessments(reply, contextOf(request), request.query),
  );
  app.get(
    '/api/assessments/:id',
    { schema: { tags, summary: 'One assessment with the criteria, every sheet, and the total and stars finalising would give', params: idParams, response: { 200: assessmentDetailSchema } } },
    async (request) => assessments.detail(contextOf(request), request.params.id),
  );
  app.put(
    '/api/assessments/:id/sheets/mine',
    { schema: { tags, summary: 'Save your own scoring sheet (assessors: staff, admins, reviewers of the subtree)', params: idParams, body: sheetSaveSchema, response: { 200: assessmentDetailSchema } } },
    async (request) => assessments.saveSheet(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/assessments/:id/finalise',
    { schema: { tags, summary: "Finalise: total → stars by the checklist's thresholds → the venue's star rating (with history)", params: idParams, body: versionBody, response: { 200: assessmentDetailSchema } } },
    async (request) => assessments.finalise(contextOf(request), request.params.id, request.body.version),
  );
  app.post(
    '/api/assessments/:id/reopen',
    { schema: { tags, summary: 'Reopen a final assessment for correction', params: idParams, body: versionBody, response: { 200: assessmentDetailSchema } } },
    async (request) => assessments.reopen(contextOf(request), request.params.id, request.body.version),
  );
  app.get(
    '/api/assessments/venues/:venueId/star-history',
    { schema: { tags, summary: "A venue's star rating and its history, newest first", params: venueParams, response: { 200: starHistorySchema } } },
    async (request) => assessments.starHistory(contextOf(request), request.params.venueId),
  );
}
