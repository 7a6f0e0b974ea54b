import {
  pageQuerySchema,
  pageSchema,
  pairCreateSchema,
  pairListQuerySchema,
  pairSchema,
  pairUpdateSchema,
  programmeCreateSchema,
  programmeDetailSchema,
  programmeListQuerySchema,
  programmeSchema,
  programmeUpdateSchema,
} from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { exportPairs, exportProgrammes } from './pairings.export.ts';
import * as pairings from './pairings.service.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const versionBody = z.strictObject({ version: z.number().int().positive() });
const unpairedSchema = pageSchema(z.object({ id: z.number().int(), name: z.string(), divisionName: z.string() }));

export async function pairingRoutes(app: FastifyZod): Promise<void> {
  const tags = ['pairings'];
  app.get(
    '/api/pairing-programmes',
    { schema: { tags, summary: 'Pairing programmes of your subtree, each with its coverage', querystring: programmeListQuerySchema, response: { 200: pageSchema(programmeSchema) } } },
    async (request) => pairings.list(contextOf(request), request.query),
  );
  app.get(
    '/api/pairing-programmes/export',
    { schema: { tags, summary: 'The filtered programmes, all pages, with coverage, as .xlsx (audited as pairing_programme.export)', querystring: programmeListQuerySchema } },
    async (request, reply) => exportProgrammes(reply, contextOf(request), request.query),
  );
  app.get(
    '/api/pairing-programmes/:id/pairs/export',
    { schema: { tags, summary: "A programme's filtered pairs, all pages, as .xlsx (audited as pair.export)", params: idParams, querystring: pairListQuerySchema } },
    async (request, reply) => exportPairs(reply, contextOf(request), request.params.id, request.query),
  );
  app.get(
    '/api/pairing-programmes/:id',
    {
      schema: {
        tags,
        summary: 'Programme page: coverage, progress towards the deadline, stale pairs, unpaired organisations',
        params: idParams,
        response: { 200: programmeDetailSchema },
      },
    },
    async (request) => pairings.detail(contextOf(request), request.params.id),
  );
  app.post(
    '/api/pairing-programmes',
    { schema: { tags, summary: 'Define a pairing programme', body: programmeCreateSchema, response: { 201: programmeDetailSchema } } },
    async (request, reply) => reply.code(201).send(await pairings.create(contextOf(request), request.body)),
  );
  app.patch(
    '/api/pairing-programmes/:id',
    { schema: { tags, summary: 'Edit a programme (title, deadline, description)', params: idParams, body: programmeUpdateSchema, response: { 200: programmeDetailSchema } } },
    async (request) => pairings.update(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/pairing-programmes/:id/archive',
    { schema: { tags, summary: 'Archive a programme', params: idParams, body: versionBody, response: { 200: programmeDetailSchema } } },
    async (request) => pairings.archive(contextOf(request), request.params.id, request.body.version),
  );
  app.get(
    '/api/pairing-programmes/:id/unpaired',
    { schema: { tags, summary: 'Organisations the programme covers that have no current pair', params: idParams, querystring: pageQuerySchema, response: { 200: unpairedSchema } } },
    async (request) => pairings.listUnpaired(contextOf(request), request.params.id, request.query),
  );
  app.get(
    '/api/pairing-programmes/:id/pairs',
    { schema: { tags, summary: 'Pairs of a programme (stale=true: no activity in the last quarter)', params: idParams, querystring: pairListQuerySchema, response: { 200: pageSchema(pairSchema) } } },
    async (request) => pairings.listPairs(contextOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/pairing-programmes/:id/pairs',
    { schema: { tags, summary: 'Pair two organisations in a programme', params: idParams, body: pairCreateSchema, response: { 201: pairSchema } } },
    async (request, reply) => reply.code(201).send(await pairings.addPair(contextOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/pairs/:id',
    { schema: { tags, summary: 'One pair with its activity count (activities: GET /api/activities?pairId=)', params: idParams, response: { 200: pairSchema } } },
    async (request) => pairings.pairDetail(contextOf(request), request.params.id),
  );
  app.patch(
    '/api/pairs/:id',
    { schema: { tags, summary: 'End a pair or change its note', params: idParams, body: pairUpdateSchema, response: { 200: pairSchema } } },
    async (request) => pairings.changePair(contextOf(request), request.params.id, request.body),
  );
}
