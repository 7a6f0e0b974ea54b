import {
  needBoardQuerySchema,
  needCreateSchema,
  needDetailSchema,
  needListQuerySchema,
  needPublishSchema,
  needRouteToCaseSchema,
  needSchema,
  needTransitionSchema,
  needUpdateSchema,
  pageSchema,
  revealedSubmitterPhoneSchema,
} from '@tongxin/core';
import { resourceSchema } from '@tongxin/core/resources';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { exportNeeds } from './needs.export.ts';
import * as needs from './needs.service.ts';
import { routeToCase } from './needs.route-to-case.ts';
import { transition } from './needs.transition.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** The claim route (需求认领): needs, the open-needs board, claims and confirmations. */
export async function needRoutes(app: FastifyZod): Promise<void> {
  const tags = ['needs'];
  app.get(
    '/api/needs',
    {
      schema: {
        tags,
        summary: 'Needs of your subtree and those your organisations claimed: paged, filtered (state, service kinds, date flag, …)',
        querystring: needListQuerySchema,
        response: { 200: pageSchema(needSchema) },
      },
    },
    async (request) => needs.list(contextOf(request), request.query),
  );
  app.get(
    '/api/needs/export',
    {
      schema: {
        tags,
        summary: 'The filtered list, all pages, as .xlsx (same filters and visibility as the list; phones masked; audited as need.export)',
        querystring: needListQuerySchema,
      },
    },
    async (request, reply) => exportNeeds(reply, contextOf(request), request.query),
  );
  app.get(
    '/api/needs/board',
    {
      schema: {
        tags,
        summary: 'Open-needs board: published, unclaimed needs offered to you and your organisations; filter by service kinds or by what an organisation offers',
        querystring: needBoardQuerySchema,
        response: { 200: pageSchema(needSchema) },
      },
    },
    async (request) => needs.board(contextOf(request), request.query),
  );
  app.post(
    '/api/needs',
    { schema: { tags, summary: 'Post a need (office staff); published at once unless publish is false', body: needCreateSchema, response: { 201: needDetailSchema } } },
    async (request, reply) => reply.code(201).send(await needs.create(contextOf(request), request.body)),
  );
  app.get(
    '/api/needs/:id',
    { schema: { tags, summary: 'One need with its history, next states, what you may do and whom you may claim for', params: idParams, response: { 200: needDetailSchema } } },
    async (request) => needs.detail(contextOf(request), request.params.id),
  );
  app.patch(
    '/api/needs/:id',
    { schema: { tags, summary: 'Edit an open need (needs the version)', params: idParams, body: needUpdateSchema, response: { 200: needDetailSchema } } },
    async (request) => needs.update(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/needs/:id/publish',
    { schema: { tags, summary: 'Publish a reviewed portal wish to the board', params: idParams, body: needPublishSchema, response: { 200: needDetailSchema } } },
    async (request) => needs.publish(contextOf(request), request.params.id, request.body.version),
  );
  app.post(
    '/api/needs/:id/transition',
    {
      schema: {
        tags,
        summary: 'One step of the claim route (claim, release, fulfil, confirm, dispute, withdraw, expire, republish) by target state; 409 with details.allowed',
        params: idParams,
        body: needTransitionSchema,
        response: { 200: needDetailSchema },
      },
    },
    async (request) => transition(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/needs/:id/route-to-case',
    {
      schema: {
        tags,
        summary: 'Route an unclaimed portal wish to dispatch (转为派单办理): a case with the same ticket, the need withdrawn; 409 once claimed or closed',
        params: idParams,
        body: needRouteToCaseSchema,
        response: { 201: z.object({ caseId: z.number().int(), ticketNo: z.string() }) },
      },
    },
    async (request, reply) => reply.code(201).send(await routeToCase(contextOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/needs/:id/matches',
    {
      schema: {
        tags,
        summary: 'Resources of your subtree offering what the need asks for, best match first',
        params: idParams,
        response: { 200: z.array(resourceSchema.extend({ matched: z.number().int() })) },
      },
    },
    async (request) => needs.matches(contextOf(request), request.params.id),
  );
  app.post(
    '/api/needs/:id/reveal-phone',
    { schema: { tags, summary: "A portal submitter's full phone (community or claimant; audited as need.reveal_phone)", params: idParams, response: { 200: revealedSubmitterPhoneSchema } } },
    async (request) => needs.revealPhone(contextOf(request), request.params.id),
  );
}
