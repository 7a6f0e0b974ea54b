import { memberListQuerySchema, membershipCreateSchema, membershipEndSchema, membershipSchema, membershipUpdateSchema, pageSchema } from '@tongxin/core';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { idParams } from './organisations.schema.ts';
import * as memberships from './memberships.service.ts';
import { exportMembers } from './organisations.export.ts';

export async function membershipRoutes(app: FastifyZod): Promise<void> {
  const tags = ['organisations'];
  app.get(
    '/api/organisations/:id/members',
    {
      schema: {
        tags,
        summary: 'Members of an organisation in your subtree (current ones by default; phones masked)',
        params: idParams,
        querystring: memberListQuerySchema,
        response: { 200: pageSchema(membershipSchema) },
      },
    },
    async (request) => memberships.listMembers(contextOf(request), request.params.id, request.query),
  );
  app.get(
    '/api/organisations/:id/members/export',
    {
      schema: {
        tags,
        summary: 'The filtered members as .xlsx, in the import columns (audited as membership.export)',
        params: idParams,
        querystring: memberListQuerySchema.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => exportMembers(reply, contextOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/organisations/:id/members',
    { schema: { tags, summary: 'Add a member organisation or person with a role', params: idParams, body: membershipCreateSchema, response: { 201: membershipSchema } } },
    async (request, reply) => reply.code(201).send(await memberships.addMember(contextOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/memberships/:id',
    { schema: { tags, summary: "Change a membership's role or dates", params: idParams, body: membershipUpdateSchema, response: { 200: membershipSchema } } },
    async (request) => memberships.updateMember(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/memberships/:id/end',
    { schema: { tags, summary: 'End a membership (today by default)', params: idParams, body: membershipEndSchema, response: { 200: membershipSchema } } },
    async (request) => memberships.endMember(contextOf(request), request.params.id, request.body),
  );
}
