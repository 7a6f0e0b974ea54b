import {
  publicVotePageSchema,
  voteCastResultSchema,
  voteCastSchema,
  voteCodeRequestSchema,
  voteCodeSentSchema,
  voteCodeVerifySchema,
  voteCountsSchema,
  voterTokenSchema,
} from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf, publicContextOf } from '../../http/context.ts';
import * as votes from './votes.service.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const tokenHeaders = z.object({ 'x-voter-token': z.string().max(200).optional() });

export async function voteRoutes(app: FastifyZod): Promise<void> {
  const tags = ['public vote'];
  const access = { access: 'public' as const };
  app.post(
    '/api/public/vote-codes',
    { config: access, schema: { tags, summary: 'Send a one-time code to a mobile phone (rate-limited: 1 a minute, 5 an hour per phone)', body: voteCodeRequestSchema, response: { 202: voteCodeSentSchema } } },
    async (request, reply) => reply.code(202).send(await votes.requestCode(publicContextOf(request), request.body.phone)),
  );
  app.post(
    '/api/public/vote-codes/verify',
    { config: access, schema: { tags, summary: 'Trade the code for a voter token (send it as x-voter-token; valid 2 hours)', body: voteCodeVerifySchema, response: { 200: voterTokenSchema } } },
    async (request) => votes.verifyCode(publicContextOf(request), request.body.phone, request.body.code),
  );
  app.get(
    '/api/public/competitions/:id',
    { config: access, schema: { tags, summary: 'The public vote page: entries, window, counts when shown live, your votes (with x-voter-token or a session)', params: idParams, headers: tokenHeaders, response: { 200: publicVotePageSchema } } },
    async (request) => {
      const ctx = publicContextOf(request);
      const token = request.headers['x-voter-token'];
      const voter = token ? await votes.voterFromToken(ctx, token) : ctx.actor ? votes.voterOfUser(contextOf(request)) : null;
      return votes.votePage(ctx, request.params.id, voter);
    },
  );
  app.post(
    '/api/public/competitions/:id/votes',
    { config: access, schema: { tags, summary: 'Vote for an entry with a verified phone (x-voter-token); 409 on a second vote', params: idParams, headers: tokenHeaders, body: voteCastSchema, response: { 201: voteCastResultSchema } } },
    async (request, reply) => {
      const ctx = publicContextOf(request);
      const voter = await votes.voterFromToken(ctx, request.headers['x-voter-token']);
      return reply.code(201).send(await votes.cast(ctx, request.params.id, request.body.entryId, voter));
    },
  );
  app.post(
    '/api/competitions/:id/votes',
    { schema: { tags, summary: 'Vote for an entry as the signed-in account; 409 on a second vote', params: idParams, body: voteCastSchema, response: { 201: voteCastResultSchema } } },
    async (request, reply) => {
      const ctx = contextOf(request);
      return reply.code(201).send(await votes.cast(ctx, request.params.id, request.body.entryId, votes.voterOfUser(ctx)));
    },
  );
  app.get(
    '/api/competitions/:id/votes',
    { schema: { tags: ['competition results'], summary: 'Vote counts per entry (organisers; always, whatever the public sees)', params: idParams, response: { 200: voteCountsSchema } } },
    async (request) => votes.voteCounts(contextOf(request), request.params.id),
  );
}
