import {
  invitationAcceptSchema,
  invitationCreatedSchema,
  invitationCreateSchema,
  invitationPreviewSchema,
  invitationSchema,
  participantMeSchema,
  proposalCreateSchema,
  proposalDecisionSchema,
  proposalListQuerySchema,
  proposalSchema,
  smsCodeRequestSchema,
  smsSignInSchema,
} from '@tongxin/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf, publicContextOf } from '../../http/context.ts';
import { sessionCookie } from '../../http/session.ts';
import type { NewSession } from '../auth/auth.service.ts';
import * as participants from './participants.service.ts';
import * as proposals from './participants.proposals.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const sessionOut = z.object({ csrfToken: z.string(), expiresAt: z.string() });

function startSession(request: FastifyRequest, reply: FastifyReply, session: NewSession) {
  reply.setCookie(sessionCookie.name, session.token, sessionCookie.options(request.ctx.config, session.expiresAt));
  return { csrfToken: session.csrfToken, expiresAt: session.expiresAt };
}

/** The address the invitation link points at: the one the office is using right now. */
function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** Participants (issue 14): invitations, phone sign-in, own account, profile proposals. */
export async function participantRoutes(app: FastifyZod): Promise<void> {
  const tags = ['participants'];
  const pub = { access: 'public' as const };

  app.post(
    '/api/organisations/:id/invitations',
    { schema: { tags, summary: 'Invite someone to act for this organisation: a single-use link (and its QR code) valid N days', params: idParams, body: invitationCreateSchema, response: { 201: invitationCreatedSchema } } },
    async (request, reply) => reply.code(201).send(await participants.invite(contextOf(request), request.params.id, request.body, originOf(request))),
  );
  app.get(
    '/api/organisations/:id/invitations',
    { schema: { tags, summary: 'Invitations of this organisation (used, expired or open; never their tokens)', params: idParams, response: { 200: z.array(invitationSchema) } } },
    async (request) => participants.invitations(contextOf(request), request.params.id),
  );
  app.get(
    '/api/public/invitations/:token',
    { config: pub, schema: { tags, summary: 'What an invitation link offers (404 once used or expired)', params: z.object({ token: z.string().max(100) }), response: { 200: invitationPreviewSchema } } },
    async (request) => participants.previewInvitation(publicContextOf(request), request.params.token),
  );
  app.post(
    '/api/public/participant-codes',
    {
      config: pub,
      schema: { tags, summary: 'Send a one-time sign-in code by SMS (1 a minute, 5 an hour per phone)', body: smsCodeRequestSchema, response: { 202: z.object({ expiresInSeconds: z.number(), resendAfterSeconds: z.number() }) } },
    },
    async (request, reply) => reply.code(202).send(await participants.requestSmsCode(publicContextOf(request), request.body.phone)),
  );
  app.post(
    '/api/public/invitations/accept',
    { config: pub, schema: { tags, summary: 'Accept an invitation with the phone and its code; signs in', body: invitationAcceptSchema, response: { 201: sessionOut } } },
    async (request, reply) => reply.code(201).send(startSession(request, reply, await participants.acceptInvitation(publicContextOf(request), request.body))),
  );
  app.post(
    '/api/auth/sign-in/code',
    { config: pub, schema: { tags: ['auth'], summary: 'Sign in with phone number + one-time SMS code; sets the session cookie', body: smsSignInSchema, response: { 200: sessionOut } } },
    async (request, reply) => startSession(request, reply, await participants.signInWithCode(publicContextOf(request), request.body.phone, request.body.code)),
  );

  app.get('/api/participant/me', { schema: { tags, summary: 'The signed-in participant and the organisation they act for', response: { 200: participantMeSchema } } }, async (request) =>
    participants.me(contextOf(request)),
  );
  app.get('/api/participant/proposals', { schema: { tags, summary: 'Profile changes my organisation proposed', response: { 200: z.array(proposalSchema) } } }, async (request) =>
    proposals.mine(contextOf(request)),
  );
  app.post(
    '/api/participant/proposals',
    { schema: { tags, summary: 'Propose changes to my organisation’s contact person, phone, address or description (the office approves)', body: proposalCreateSchema, response: { 201: proposalSchema } } },
    async (request, reply) => reply.code(201).send(await proposals.propose(contextOf(request), request.body)),
  );

  app.get(
    '/api/profile-proposals',
    { schema: { tags, summary: 'Profile proposals of organisations in your subtree, with their diffs', querystring: proposalListQuerySchema, response: { 200: z.array(proposalSchema) } } },
    async (request) => proposals.inbox(contextOf(request), request.query.status),
  );
  app.get('/api/profile-proposals/:id', { schema: { tags, summary: 'One proposal with its diff', params: idParams, response: { 200: proposalSchema } } }, async (request) =>
    proposals.detail(contextOf(request), request.params.id),
  );
  app.post(
    '/api/profile-proposals/:id/decide',
    { schema: { tags, summary: 'Approve (changes go live) or reject a proposal', params: idParams, body: proposalDecisionSchema, response: { 200: proposalSchema } } },
    async (request) => proposals.decide(contextOf(request), request.params.id, request.body),
  );
}
