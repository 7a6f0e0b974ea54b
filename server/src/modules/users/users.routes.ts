import { pageSchema, userCreateSchema, userSchema, userUpdateSchema } from '@tongxin/core';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { idParams, resetPasswordBody, userDetailSchema, userListQuery } from './users.schema.ts';
import * as users from './users.service.ts';

export async function userRoutes(app: FastifyZod): Promise<void> {
  const tags = ['users'];
  app.get(
    '/api/users',
    { schema: { tags, summary: 'Users of your subtree (phones masked)', querystring: userListQuery, response: { 200: pageSchema(userSchema) } } },
    async (request) => users.list(contextOf(request), request.query),
  );
  app.get(
    '/api/users/:id',
    { schema: { tags, summary: 'One user', params: idParams, response: { 200: userDetailSchema } } },
    async (request) => users.detail(contextOf(request), request.params.id),
  );
  app.post(
    '/api/users',
    { schema: { tags, summary: 'Create a user in your subtree', body: userCreateSchema, response: { 201: userSchema } } },
    async (request, reply) => reply.code(201).send(await users.create(contextOf(request), request.body)),
  );
  app.patch(
    '/api/users/:id',
    { schema: { tags, summary: 'Edit, move, disable or enable a user', params: idParams, body: userUpdateSchema, response: { 200: userDetailSchema } } },
    async (request) => users.update(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/users/:id/unlock',
    { schema: { tags, summary: 'Unlock an account locked after too many failed sign-ins (audited)', params: idParams, response: { 200: userDetailSchema } } },
    async (request) => users.unlock(contextOf(request), request.params.id),
  );
  app.post(
    '/api/users/:id/password',
    { schema: { tags, summary: "Reset a user's password (ends their sessions)", params: idParams, body: resetPasswordBody } },
    async (request, reply) => {
      await users.resetPassword(contextOf(request), request.params.id, request.body.password);
      return reply.code(204).send();
    },
  );
}
