import {
  closedLoopQuerySchema,
  closedLoopSchema,
  milestoneCreateSchema,
  milestoneUpdateSchema,
  pageSchema,
  projectCreateSchema,
  projectDetailSchema,
  projectListQuerySchema,
  projectSchema,
  projectTransitionSchema,
  projectUpdateSchema,
} from '@tongxin/core';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import * as milestones from './milestones.service.ts';
import { exportProjects } from './projects.export.ts';
import { idParams, milestoneParams, versionBody } from './projects.schema.ts';
import * as projects from './projects.service.ts';

export async function projectRoutes(app: FastifyZod): Promise<void> {
  const tags = ['projects'];
  app.get(
    '/api/projects',
    { schema: { tags, summary: 'Projects of your subtree, with overdue flags', querystring: projectListQuerySchema, response: { 200: pageSchema(projectSchema) } } },
    async (request) => projects.list(contextOf(request), request.query),
  );
  app.get(
    '/api/projects/export',
    {
      schema: {
        tags,
        summary: 'The filtered list, all pages, with milestones, as .xlsx (same filters as the list; audited as project.export)',
        querystring: projectListQuerySchema,
      },
    },
    async (request, reply) => exportProjects(reply, contextOf(request), request.query),
  );
  app.get(
    '/api/projects/closed-loop',
    {
      schema: {
        tags,
        summary: '责任闭环: every project with its loop stages (status, milestones done, overdue, unevidenced), problem ones first, paged and filtered',
        querystring: closedLoopQuerySchema,
        response: { 200: closedLoopSchema },
      },
    },
    async (request) => projects.closedLoop(contextOf(request), request.query),
  );
  app.get(
    '/api/projects/:id',
    { schema: { tags, summary: 'One project with milestones, status history and allowed actions', params: idParams, response: { 200: projectDetailSchema } } },
    async (request) => projects.detail(contextOf(request), request.params.id),
  );
  app.post(
    '/api/projects',
    { schema: { tags, summary: 'Create a project (status planned), optionally with milestones', body: projectCreateSchema, response: { 201: projectDetailSchema } } },
    async (request, reply) => reply.code(201).send(await projects.create(contextOf(request), request.body)),
  );
  app.patch(
    '/api/projects/:id',
    { schema: { tags, summary: 'Edit a project', params: idParams, body: projectUpdateSchema, response: { 200: projectDetailSchema } } },
    async (request) => projects.update(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/projects/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Move a project to its next status (409 with details.allowed otherwise)',
        params: idParams,
        body: projectTransitionSchema,
        response: { 200: projectDetailSchema },
      },
    },
    async (request) => projects.transition(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/projects/:id/archive',
    { schema: { tags, summary: 'Archive a project', params: idParams, body: versionBody, response: { 200: projectDetailSchema } } },
    async (request) => projects.archive(contextOf(request), request.params.id, request.body.version),
  );
  app.post(
    '/api/projects/:id/milestones',
    { schema: { tags, summary: 'Add a milestone', params: idParams, body: milestoneCreateSchema, response: { 201: projectDetailSchema } } },
    async (request, reply) => reply.code(201).send(await milestones.addMilestone(contextOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/projects/:id/milestones/:milestoneId',
    {
      schema: {
        tags,
        summary: 'Edit, complete (completed: true) or reopen a milestone; record its evidence',
        params: milestoneParams,
        body: milestoneUpdateSchema,
        response: { 200: projectDetailSchema },
      },
    },
    async (request) => milestones.changeMilestone(contextOf(request), request.params.id, request.params.milestoneId, request.body),
  );
  app.delete(
    '/api/projects/:id/milestones/:milestoneId',
    { schema: { tags, summary: 'Archive a milestone', params: milestoneParams } },
    async (request, reply) => {
      await milestones.archiveMilestone(contextOf(request), request.params.id, request.params.milestoneId);
      return reply.code(204).send();
    },
  );
}
