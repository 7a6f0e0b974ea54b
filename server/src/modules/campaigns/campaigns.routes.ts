import {
  campaignCreateSchema,
  campaignDetailSchema,
  campaignListQuerySchema,
  campaignSchema,
  campaignUpdateSchema,
  overduePledgeSchema,
  overdueQuerySchema,
  pageSchema,
  pledgeCreateSchema,
  pledgeListQuerySchema,
  pledgeSchema,
  pledgeUpdateSchema,
  receiptCreateSchema,
  receiptListQuerySchema,
  receiptSchema,
  receiptVoidSchema,
} from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { exportPledges, exportReceipts } from './campaigns.export.ts';
import * as campaigns from './campaigns.service.ts';
import * as pledges from './pledges.service.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const pledgeParams = idParams.extend({ pledgeId: z.coerce.number().int().positive() });
const receiptParams = idParams.extend({ receiptId: z.coerce.number().int().positive() });
const versionBody = z.object({ version: z.number().int().positive() });

export async function campaignRoutes(app: FastifyZod): Promise<void> {
  const tags = ['campaigns'];
  app.get(
    '/api/campaigns',
    { schema: { tags, summary: 'Charity and aid campaigns of your subtree with pledged / received / target in fen', querystring: campaignListQuerySchema, response: { 200: pageSchema(campaignSchema) } } },
    async (request) => campaigns.list(contextOf(request), request.query),
  );
  app.get(
    '/api/campaigns/overdue-pledges',
    { schema: { tags, summary: 'Pledges with instalments past due and not fully received, across your subtree', querystring: overdueQuerySchema, response: { 200: z.array(overduePledgeSchema) } } },
    async (request) => campaigns.overdue(contextOf(request), request.query.divisionId),
  );
  app.post(
    '/api/campaigns',
    { schema: { tags, summary: 'Create a campaign (target in fen, period, beneficiary)', body: campaignCreateSchema, response: { 201: campaignDetailSchema } } },
    async (request, reply) => reply.code(201).send(await campaigns.create(contextOf(request), request.body)),
  );
  app.get(
    '/api/campaigns/:id',
    { schema: { tags, summary: 'One campaign with progress, per-donor figures and overdue pledges', params: idParams, response: { 200: campaignDetailSchema } } },
    async (request) => campaigns.detail(contextOf(request), request.params.id),
  );
  app.patch(
    '/api/campaigns/:id',
    { schema: { tags, summary: 'Edit a campaign', params: idParams, body: campaignUpdateSchema, response: { 200: campaignDetailSchema } } },
    async (request) => campaigns.update(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/campaigns/:id/archive',
    { schema: { tags, summary: 'Archive a campaign', params: idParams, body: versionBody, response: { 200: campaignDetailSchema } } },
    async (request) => campaigns.setArchived(contextOf(request), request.params.id, true, request.body.version),
  );
  app.post(
    '/api/campaigns/:id/unarchive',
    { schema: { tags, summary: 'Bring an archived campaign back', params: idParams, body: versionBody, response: { 200: campaignDetailSchema } } },
    async (request) => campaigns.setArchived(contextOf(request), request.params.id, false, request.body.version),
  );
  app.get(
    '/api/campaigns/:id/pledges/export',
    { schema: { tags, summary: 'Pledges as listed, as .xlsx (audited as pledge.export)', params: idParams, querystring: pledgeListQuerySchema } },
    async (request, reply) => exportPledges(reply, contextOf(request), request.params.id, request.query.cancelled),
  );
  app.get(
    '/api/campaigns/:id/receipts/export',
    { schema: { tags, summary: 'Receipts as listed, as .xlsx (audited as receipt.export)', params: idParams, querystring: receiptListQuerySchema } },
    async (request, reply) => exportReceipts(reply, contextOf(request), request.params.id, request.query.voided),
  );
  app.get(
    '/api/campaigns/:id/pledges',
    { schema: { tags, summary: 'Pledges (认捐) with received, outstanding and overdue amounts', params: idParams, querystring: pledgeListQuerySchema, response: { 200: z.array(pledgeSchema) } } },
    async (request) => pledges.listPledges(contextOf(request), request.params.id, request.query.cancelled),
  );
  app.post(
    '/api/campaigns/:id/pledges',
    { schema: { tags, summary: 'Record a pledge: at once by a due date, or instalments adding up exactly to the amount', params: idParams, body: pledgeCreateSchema, response: { 201: pledgeSchema } } },
    async (request, reply) => reply.code(201).send(await pledges.createPledge(contextOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/campaigns/:id/pledges/:pledgeId',
    { schema: { tags, summary: 'Edit a pledge (not below what was received)', params: pledgeParams, body: pledgeUpdateSchema, response: { 200: pledgeSchema } } },
    async (request) => pledges.updatePledgeOf(contextOf(request), request.params.id, request.params.pledgeId, request.body),
  );
  app.post(
    '/api/campaigns/:id/pledges/:pledgeId/cancel',
    { schema: { tags, summary: 'Cancel a pledge nothing was received against', params: pledgeParams, body: versionBody, response: { 200: pledgeSchema } } },
    async (request) => pledges.cancelPledge(contextOf(request), request.params.id, request.params.pledgeId, request.body.version),
  );
  app.get(
    '/api/campaigns/:id/receipts',
    { schema: { tags, summary: 'Receipts (到账)', params: idParams, querystring: receiptListQuerySchema, response: { 200: z.array(receiptSchema) } } },
    async (request) => pledges.listReceipts(contextOf(request), request.params.id, request.query.voided),
  );
  app.post(
    '/api/campaigns/:id/receipts',
    { schema: { tags, summary: 'Record money received, against a pledge or as an unpledged donation', params: idParams, body: receiptCreateSchema, response: { 201: receiptSchema } } },
    async (request, reply) => reply.code(201).send(await pledges.createReceipt(contextOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/campaigns/:id/receipts/:receiptId/void',
    { schema: { tags, summary: 'Void a receipt entered in error (kept, with the reason)', params: receiptParams, body: receiptVoidSchema, response: { 200: receiptSchema } } },
    async (request) => pledges.voidReceiptOf(contextOf(request), request.params.id, request.params.receiptId, request.body.reason),
  );
}
