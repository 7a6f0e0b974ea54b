import multipart from '@fastify/multipart';
import {
  articleCountsQuerySchema,
  articleCountsSchema,
  articleCreateSchema,
  articleDetailSchema,
  articleFigureSchema,
  articleFigureUpdateSchema,
  articleListQuerySchema,
  articleSchema,
  articleUpdateSchema,
  articleUploadResultSchema,
  pageSchema,
  versionBodySchema,
} from '@tongxin/core';
import { z } from 'zod';
import { AppError, fieldError } from '../../kernel/errors.ts';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import { counts } from './articles.counts.ts';
import { decodeArticleFile } from './articles.files.ts';
import * as articles from './articles.service.ts';
import { mediaRoutes } from './media.routes.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const figureParams = idParams.extend({ figureId: z.coerce.number().int().positive() });
const maxFileBytes = 5 * 1024 * 1024;
const maxFiles = 20;

export async function articleRoutes(app: FastifyZod): Promise<void> {
  const tags = ['articles'];
  if (!app.hasRequestDecorator('file')) {
    await app.register(multipart, { limits: { fileSize: maxFileBytes, files: maxFiles, fields: 5, parts: maxFiles + 5 } });
  }
  app.get(
    '/api/articles',
    {
      schema: {
        tags,
        summary: 'Publicity archive of your subtree: paged, filtered by division subtree, medium level, medium, mentioned organisation, period, duplicates',
        querystring: articleListQuerySchema,
        response: { 200: pageSchema(articleSchema) },
      },
    },
    async (request) => articles.list(contextOf(request), request.query),
  );
  app.get(
    '/api/articles/counts',
    {
      schema: {
        tags,
        summary: 'Articles by medium level per period, for a division subtree (and per child division with by=children); each report once',
        querystring: articleCountsQuerySchema,
        response: { 200: articleCountsSchema },
      },
    },
    async (request) => counts(contextOf(request), request.query),
  );
  app.get(
    '/api/articles/:id',
    { schema: { tags, summary: 'One article: original and clean text, what cleaning removed, mentions, figures, copies', params: idParams, response: { 200: articleDetailSchema } } },
    async (request) => articles.detail(contextOf(request), request.params.id),
  );
  app.post(
    '/api/articles',
    { schema: { tags, summary: 'Ingest pasted text or HTML: cleaned, metadata read, mentions and figures found, copies flagged', body: articleCreateSchema, response: { 201: articleDetailSchema } } },
    async (request, reply) => reply.code(201).send(await articles.create(contextOf(request), request.body)),
  );
  app.post(
    '/api/articles/upload',
    {
      schema: {
        tags,
        summary: `Ingest up to ${maxFiles} .txt/.html/.docx files (multipart, any file field names; optional field "divisionId"); all or none are stored`,
        consumes: ['multipart/form-data'],
        response: { 201: articleUploadResultSchema },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      if (!request.isMultipart()) throw new AppError('unsupported_media_type');
      const files: Array<{ fileName: string; bytes: Buffer }> = [];
      let divisionField: string | undefined;
      for await (const part of request.parts({ limits: { fileSize: maxFileBytes, files: maxFiles } })) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          if (part.file.truncated) throw new AppError('payload_too_large');
          files.push({ fileName: part.filename || `file${files.length + 1}`, bytes });
        } else if (part.fieldname === 'divisionId') {
          divisionField = String(part.value);
        }
      }
      if (files.length === 0) throw fieldError('body.files', 'validation.required');
      const divisionId = divisionField === undefined || divisionField === '' ? undefined : Number(divisionField);
      if (divisionId !== undefined && !(Number.isInteger(divisionId) && divisionId > 0)) throw fieldError('body.divisionId', 'validation.invalid_type');
      const items = files.map(({ fileName, bytes }, index) => {
        const decoded = decodeArticleFile(fileName, bytes);
        const field = `body.files[${index}]`;
        if (!decoded) throw fieldError(field, /\.(txt|text|html?|docx)$/i.test(fileName) ? 'validation.article_file_empty' : 'validation.article_file_type');
        return { divisionId, text: decoded.text, format: decoded.format, fileName, field };
      });
      return reply.code(201).send({ items: await articles.ingest(ctx, items) });
    },
  );
  app.patch(
    '/api/articles/:id',
    { schema: { tags, summary: 'Edit metadata and mentions (needs its current version)', params: idParams, body: articleUpdateSchema, response: { 200: articleSchema } } },
    async (request) => articles.update(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/articles/:id/archive',
    { schema: { tags, summary: 'Archive an article: it leaves the counts and the search index', params: idParams, body: versionBodySchema, response: { 200: articleSchema } } },
    async (request) => articles.setArchived(contextOf(request), request.params.id, true, request.body.version),
  );
  app.post(
    '/api/articles/:id/unarchive',
    { schema: { tags, summary: 'Bring an archived article back', params: idParams, body: versionBodySchema, response: { 200: articleSchema } } },
    async (request) => articles.setArchived(contextOf(request), request.params.id, false, request.body.version),
  );
  app.patch(
    '/api/articles/:id/figures/:figureId',
    {
      schema: {
        tags,
        summary: 'Confirm or reject a figure of the text, relabel it, link it to a dashboard figure key (needs its current version)',
        params: figureParams,
        body: articleFigureUpdateSchema,
        response: { 200: articleFigureSchema },
      },
    },
    async (request) => articles.editFigure(contextOf(request), request.params.id, request.params.figureId, request.body),
  );
  await mediaRoutes(app);
}
