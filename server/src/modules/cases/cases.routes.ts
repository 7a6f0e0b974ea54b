import {
  caseContactSchema,
  caseCreateSchema,
  caseDetailSchema,
  caseFiguresQuerySchema,
  caseFiguresSchema,
  caseListQuerySchema,
  caseNoteSchema,
  caseSchema,
  caseTransitionSchema,
  caseUpdateSchema,
  handlerSchema,
  handlersPutSchema,
  myUnitsSchema,
  pageSchema,
  requestSettingsPutSchema,
  requestSettingsViewSchema,
  revealedSubmitterPhoneSchema,
  unitListQuerySchema,
  unitSchema,
} from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { figures } from './cases.figures.ts';
import { exportCases } from './cases.export.ts';
import * as cases from './cases.service.ts';
import { transition } from './cases.transition.ts';
import * as settings from './settings.service.ts';
import * as units from './units.service.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** The dispatch route (派单办理), its figures and settings, and the responsible units. */
export async function casesRoutes(app: FastifyZod): Promise<void> {
  const tags = ['cases'];
  app.get(
    '/api/cases',
    {
      schema: {
        tags,
        summary: 'Cases you may see (your subtree, or sent to a unit you act for): paged, filtered; clocks computed now; phones masked',
        querystring: caseListQuerySchema,
        response: { 200: pageSchema(caseSchema) },
      },
    },
    async (request) => cases.list(contextOf(request), request.query),
  );
  app.get(
    '/api/cases/export',
    {
      schema: {
        tags,
        summary: 'The filtered list, all pages, as .xlsx (same filters and visibility as the list; phones masked; audited as case.export)',
        querystring: caseListQuerySchema,
      },
    },
    async (request, reply) => exportCases(reply, contextOf(request), request.query),
  );
  app.post(
    '/api/cases',
    { schema: { tags, summary: 'Register a case from the hotline, a visit or an organisation (office staff)', body: caseCreateSchema, response: { 201: caseDetailSchema } } },
    async (request, reply) => reply.code(201).send(await cases.create(contextOf(request), request.body)),
  );
  app.get(
    '/api/cases/figures',
    {
      schema: {
        tags,
        summary: 'Figures per period: received, on-time response, solve and satisfaction rates, overdue, handling time, score and ranking, with case ids',
        querystring: caseFiguresQuerySchema,
        response: { 200: caseFiguresSchema },
      },
    },
    async (request) => figures(contextOf(request), request.query),
  );
  app.get(
    '/api/cases/settings',
    {
      schema: {
        tags,
        summary: "A division's time limits, figure weights, calendar and office hours (own row and effective)",
        querystring: z.object({ divisionId: z.coerce.number().int().positive() }),
        response: { 200: requestSettingsViewSchema },
      },
    },
    async (request) => settings.view(contextOf(request), request.query.divisionId),
  );
  app.put(
    '/api/cases/settings',
    { schema: { tags, summary: "Set a division's request settings (administrators)", body: requestSettingsPutSchema, response: { 200: requestSettingsViewSchema } } },
    async (request) => settings.put(contextOf(request), request.body),
  );
  app.get(
    '/api/cases/:id',
    { schema: { tags, summary: 'One case with its history, clocks, next states and what you may do', params: idParams, response: { 200: caseDetailSchema } } },
    async (request) => cases.detail(contextOf(request), request.params.id),
  );
  app.patch(
    '/api/cases/:id',
    { schema: { tags, summary: 'Correct kind, title, content or division before dispatch (needs the version)', params: idParams, body: caseUpdateSchema, response: { 200: caseDetailSchema } } },
    async (request) => cases.update(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/cases/:id/transition',
    {
      schema: {
        tags,
        summary: 'One step of the dispatch route, by target state; 409 invalid_transition with details.allowed when the state machine forbids it',
        params: idParams,
        body: caseTransitionSchema,
        response: { 200: caseDetailSchema },
      },
    },
    async (request) => transition(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/cases/:id/notes',
    { schema: { tags, summary: 'Add an internal note (never shown on the portal)', params: idParams, body: caseNoteSchema, response: { 200: caseDetailSchema } } },
    async (request) => cases.addNote(contextOf(request), request.params.id, request.body.note),
  );
  app.post(
    '/api/cases/:id/contact',
    { schema: { tags, summary: 'The lead unit logs a call to the person (stops the contact clock)', params: idParams, body: caseContactSchema, response: { 200: caseDetailSchema } } },
    async (request) => cases.logContact(contextOf(request), request.params.id, request.body.note),
  );
  app.post(
    '/api/cases/:id/remind',
    { schema: { tags, summary: 'Remind the lead unit (催办); recorded and notified', params: idParams, body: caseContactSchema, response: { 200: caseDetailSchema } } },
    async (request) => cases.remind(contextOf(request), request.params.id, request.body.note),
  );
  app.post(
    '/api/cases/:id/reveal-phone',
    { schema: { tags, summary: "The submitter's full phone (office or lead unit; audited as case.reveal_phone)", params: idParams, response: { 200: revealedSubmitterPhoneSchema } } },
    async (request) => cases.revealPhone(contextOf(request), request.params.id),
  );

  const unitTags = ['request-units'];
  app.get(
    '/api/request-units',
    { schema: { tags: unitTags, summary: 'Division offices and organisations of your subtree to dispatch or assign to', querystring: unitListQuerySchema, response: { 200: z.array(unitSchema) } } },
    async (request) => units.search(contextOf(request), request.query),
  );
  app.get(
    '/api/request-units/mine',
    { schema: { tags: unitTags, summary: 'The units you act for', response: { 200: myUnitsSchema } } },
    async (request) => units.mine(contextOf(request)),
  );
  app.get(
    '/api/request-units/organisations/:id/handlers',
    { schema: { tags: unitTags, summary: 'Users who act for an organisation (claim needs, handle cases)', params: idParams, response: { 200: z.array(handlerSchema) } } },
    async (request) => units.handlers(contextOf(request), request.params.id),
  );
  app.put(
    '/api/request-units/organisations/:id/handlers',
    { schema: { tags: unitTags, summary: 'Replace who acts for an organisation (office staff)', params: idParams, body: handlersPutSchema, response: { 200: z.array(handlerSchema) } } },
    async (request) => units.setHandlers(contextOf(request), request.params.id, request.body.userIds),
  );
}
