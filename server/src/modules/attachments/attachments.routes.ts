import fs from 'node:fs';
import multipart from '@fastify/multipart';
import { attachmentOwnerQuerySchema, attachmentSchema, maxAttachmentBytes } from '@tongxin/core';
import { z } from 'zod';
import { AppError, fieldError } from '../../kernel/errors.ts';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import * as attachments from './attachments.service.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** Inline for images (a photo opens in the browser); everything else downloads. */
function disposition(contentType: string, fileName: string): string {
  const kind = contentType.startsWith('image/') ? 'inline' : 'attachment';
  return `${kind}; filename="file"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function attachmentRoutes(app: FastifyZod): Promise<void> {
  const tags = ['attachments'];
  // Registered in this module's own scope; the limits are also passed per request below.
  if (!app.hasRequestDecorator('file')) {
    await app.register(multipart, { limits: { fileSize: maxAttachmentBytes, files: 1, fields: 10, parts: 12 } });
  }

  app.post(
    '/api/attachments',
    {
      schema: {
        tags,
        summary: 'Upload one file (multipart field "file") for a record; JPEG, PNG, WebP, PDF, DOCX or XLSX up to 10 MB',
        consumes: ['multipart/form-data'],
        querystring: attachmentOwnerQuerySchema,
        response: { 201: attachmentSchema },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { ownerType, ownerId } = request.query;
      if (!request.isMultipart()) throw new AppError('unsupported_media_type');
      await attachments.checkUpload(ctx, ownerType, ownerId);
      const file = await request.file({ limits: { fileSize: maxAttachmentBytes, files: 1 } });
      if (!file) throw fieldError('body.file', 'validation.required');
      const bytes = await file.toBuffer();
      if (bytes.length === 0) throw fieldError('body.file', 'validation.required');
      return reply.code(201).send(await attachments.store(ctx, { ownerType, ownerId, fileName: file.filename, bytes }));
    },
  );
  app.get(
    '/api/attachments',
    { schema: { tags, summary: "A record's files", querystring: attachmentOwnerQuerySchema, response: { 200: z.array(attachmentSchema) } } },
    async (request) => attachments.list(contextOf(request), request.query.ownerType, request.query.ownerId),
  );
  app.get(
    '/api/attachments/:id',
    { schema: { tags, summary: "One file's description", params: idParams, response: { 200: attachmentSchema } } },
    async (request) => attachments.detail(contextOf(request), request.params.id),
  );
  app.get(
    '/api/attachments/:id/content',
    { schema: { tags, summary: 'The file itself (checks the scope of its record)', params: idParams } },
    async (request, reply) => {
      const found = await attachments.content(contextOf(request), request.params.id);
      return reply
        .header('content-type', found.contentType)
        .header('content-length', String(found.size))
        .header('content-disposition', disposition(found.contentType, found.fileName))
        .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
        .send(fs.createReadStream(found.file));
    },
  );
  app.get(
    '/api/attachments/:id/thumbnail',
    { schema: { tags, summary: "A photo's thumbnail (WebP, at most 320 px; made on first request; 404 for other files)", params: idParams } },
    async (request, reply) => {
      const found = await attachments.thumbnail(contextOf(request), request.params.id);
      return reply
        .header('content-type', 'image/webp')
        .header('content-length', String(found.size))
        .header('cache-control', 'private, max-age=86400')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(fs.createReadStream(found.file));
    },
  );
  app.delete(
    '/api/attachments/:id',
    { schema: { tags, summary: 'Detach a file (kept on disk until purged)', params: idParams } },
    async (request, reply) => {
      await attachments.remove(contextOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    '/api/attachments/purge',
    { schema: { tags, summary: 'Administrators: remove the files of detached attachments from disk', response: { 200: z.object({ purged: z.number().int() }) } } },
    async (request) => attachments.purge(contextOf(request)),
  );
}
