import {
  leadCreateSchema,
  leadDetailSchema,
  leadFiguresQuerySchema,
  leadFiguresSchema,
  leadListQuerySchema,
  leadSchema,
  leadStageChangeSchema,
  leadUpdateSchema,
  pageSchema,
  talentIntakeCreateSchema,
  talentIntakeSchema,
  talentIntakeUpdateSchema,
  talentListQuerySchema,
} from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { figures } from './figures.service.ts';
import { exportLeads, exportTalents } from './leads.export.ts';
import * as leads from './leads.service.ts';
import * as talents from './talents.service.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const versionBody = z.object({ version: z.number().int().positive() });

export async function leadRoutes(app: FastifyZod): Promise<void> {
  const tags = ['investment and talent'];
  app.get(
    '/api/leads',
    { schema: { tags, summary: 'Investment leads of your subtree (filter by division subtree, stage, origin, sector, signing dates, text)', querystring: leadListQuerySchema, response: { 200: pageSchema(leadSchema) } } },
    async (request) => leads.list(contextOf(request), request.query),
  );
  app.get(
    '/api/leads/export',
    { schema: { tags, summary: 'The filtered list, all pages, as .xlsx (same filters as the list; audited as lead.export)', querystring: leadListQuerySchema } },
    async (request, reply) => exportLeads(reply, contextOf(request), request.query),
  );
  app.get(
    '/api/leads/figures',
    { schema: { tags, summary: 'Figures per child division and per year for a period: pipeline, signed and landed counts and amounts (fen), talents', querystring: leadFiguresQuerySchema, response: { 200: leadFiguresSchema } } },
    async (request) => figures(contextOf(request), request.query),
  );
  app.post(
    '/api/leads',
    { schema: { tags, summary: 'Record a lead (or an earlier deal at signed/landed with its dates and amounts)', body: leadCreateSchema, response: { 201: leadDetailSchema } } },
    async (request, reply) => reply.code(201).send(await leads.create(contextOf(request), request.body)),
  );
  app.get(
    '/api/leads/:id',
    { schema: { tags, summary: 'One lead with its stage history', params: idParams, response: { 200: leadDetailSchema } } },
    async (request) => leads.detail(contextOf(request), request.params.id),
  );
  app.patch(
    '/api/leads/:id',
    { schema: { tags, summary: 'Edit a lead (the stage changes only through /stage)', params: idParams, body: leadUpdateSchema, response: { 200: leadDetailSchema } } },
    async (request) => leads.update(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/leads/:id/stage',
    { schema: { tags, summary: 'One step lead → talks → signed → landed, or dropped with a reason (409 with the allowed stages otherwise)', params: idParams, body: leadStageChangeSchema, response: { 200: leadDetailSchema } } },
    async (request) => leads.changeStage(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/leads/:id/archive',
    { schema: { tags, summary: 'Archive a lead (out of lists and figures)', params: idParams, body: versionBody, response: { 200: leadDetailSchema } } },
    async (request) => leads.setArchived(contextOf(request), request.params.id, true, request.body.version),
  );
  app.post(
    '/api/leads/:id/unarchive',
    { schema: { tags, summary: 'Bring an archived lead back', params: idParams, body: versionBody, response: { 200: leadDetailSchema } } },
    async (request) => leads.setArchived(contextOf(request), request.params.id, false, request.body.version),
  );

  app.get(
    '/api/talent-intakes',
    { schema: { tags, summary: 'Talent intake records (filter by division subtree, dates, field)', querystring: talentListQuerySchema, response: { 200: pageSchema(talentIntakeSchema) } } },
    async (request) => talents.list(contextOf(request), request.query),
  );
  app.get(
    '/api/talent-intakes/export',
    { schema: { tags, summary: 'The filtered talent intakes, all pages, as .xlsx (same filters as the list; audited as talent_intake.export)', querystring: talentListQuerySchema } },
    async (request, reply) => exportTalents(reply, contextOf(request), request.query),
  );
  app.post(
    '/api/talent-intakes',
    { schema: { tags, summary: 'Record talents introduced: count, field, date, division', body: talentIntakeCreateSchema, response: { 201: talentIntakeSchema } } },
    async (request, reply) => reply.code(201).send(await talents.create(contextOf(request), request.body)),
  );
  app.get(
    '/api/talent-intakes/:id',
    { schema: { tags, summary: 'One talent intake record', params: idParams, response: { 200: talentIntakeSchema } } },
    async (request) => talents.detail(contextOf(request), request.params.id),
  );
  app.patch(
    '/api/talent-intakes/:id',
    { schema: { tags, summary: 'Edit a talent intake record', params: idParams, body: talentIntakeUpdateSchema, response: { 200: talentIntakeSchema } } },
    async (request) => talents.update(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/talent-intakes/:id/archive',
    { schema: { tags, summary: 'Archive a talent intake record', params: idParams, body: versionBody, response: { 200: talentIntakeSchema } } },
    async (request) => talents.setArchived(contextOf(request), request.params.id, true, request.body.version),
  );
}
