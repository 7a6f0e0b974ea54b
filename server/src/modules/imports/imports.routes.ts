import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import { importConfirmSchema, importJobDetailSchema, importJobSchema, importPreviewQuerySchema, translate } from '@tongxin/core';
import { z } from 'zod';
import { AppError, fieldError } from '../../kernel/errors.ts';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { importEntities } from './import-definition.ts';
import * as imports from './imports.service.ts';
import { attachmentDisposition, buildTemplate } from './imports.template.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const entityParams = z.object({ entity: z.string().regex(/^[a-z_]{1,40}$/) });
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function importRoutes(app: FastifyZod): Promise<void> {
  const tags = ['imports'];
  if (!app.hasRequestDecorator('file')) {
    await app.register(multipart, { limits: { fileSize: imports.maxImportBytes, files: 1, fields: 5, parts: 6 } });
  }
  // Parsing continues after the upload answers; shutting down stops it and waits for it.
  const running = new Set<Promise<void>>();
  const shutdown = new AbortController();
  app.addHook('onClose', async () => {
    shutdown.abort();
    await Promise.allSettled([...running]);
  });

  app.get(
    '/api/imports',
    {
      schema: {
        tags,
        summary: 'Lists that can be imported from Excel',
        response: { 200: z.array(z.object({ entity: z.string(), label: z.string() })) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return importEntities().flatMap((entity) => {
        try {
          const definition = imports.definitionFor(ctx, entity);
          return [{ entity, label: translate(ctx.locale, definition.label) }];
        } catch {
          return []; // a list this user may not import
        }
      });
    },
  );

  app.get(
    '/api/imports/:entity/template',
    { schema: { tags, summary: 'The .xlsx template of a list: Chinese headers, an example row, a note sheet', params: entityParams } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const definition = imports.definitionFor(ctx, request.params.entity);
      const bytes = await buildTemplate(definition, ctx.locale);
      const name = `${translate(ctx.locale, 'imports.template_file', { entity: definition.label })}.xlsx`;
      return reply
        .header('content-type', xlsxType)
        .header('content-disposition', attachmentDisposition(name, `${definition.entity}-template.xlsx`))
        .send(bytes);
    },
  );

  app.post(
    '/api/imports/:entity',
    {
      schema: {
        tags,
        summary: 'Upload an .xlsx (multipart field "file", up to 30 MB): checks the headers, then parses and checks every row in the background',
        consumes: ['multipart/form-data'],
        params: entityParams,
        response: { 202: importJobSchema },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      // 404 / 403 before a byte of the file is read.
      imports.definitionFor(ctx, request.params.entity);
      if (!request.isMultipart()) throw new AppError('unsupported_media_type');
      const file = await request.file({ limits: { fileSize: imports.maxImportBytes, files: 1 } });
      if (!file) throw fieldError('body.file', 'validation.required');
      const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'tongxin-import-'));
      const cleanUp = () => fs.promises.rm(dir, { recursive: true, force: true });
      const target = path.join(dir, 'upload.xlsx');
      try {
        await pipeline(file.file, fs.createWriteStream(target));
      } catch (error) {
        await cleanUp();
        if (file.file.truncated || (error as { statusCode?: number }).statusCode === 413) throw new AppError('payload_too_large');
        throw error;
      }
      if (file.file.truncated) {
        await cleanUp();
        throw new AppError('payload_too_large');
      }
      const started = await imports.start(ctx, request.params.entity, { path: target, fileName: file.filename || 'upload.xlsx', cleanUp }, shutdown.signal);
      const tracked = started.parsing.catch((error: unknown) => request.log.error({ err: error }, 'import parsing failed'));
      running.add(tracked);
      void tracked.finally(() => running.delete(tracked));
      return reply.code(202).send(started.job);
    },
  );

  app.get(
    '/api/imports/jobs/:id',
    {
      schema: {
        tags,
        summary: 'An import job: status, progress, counts and a page of rows with their problems',
        params: idParams,
        querystring: importPreviewQuerySchema,
        response: { 200: importJobDetailSchema },
      },
    },
    async (request) => imports.detail(contextOf(request), request.params.id, request.query),
  );

  app.post(
    '/api/imports/jobs/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Write every row of a checked job, or none (409 while any row has a problem)',
        params: idParams,
        body: importConfirmSchema,
        response: { 200: importJobSchema },
      },
    },
    async (request) => imports.confirm(contextOf(request), request.params.id, request.body),
  );
}
