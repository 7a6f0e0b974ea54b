import multipart from '@fastify/multipart';
import { attachmentSchema, maxAttachmentBytes, needSchema } from '@tongxin/core';
import fs from 'node:fs';
import { z } from 'zod';
import { AppError, fieldError } from '../../kernel/errors.ts';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf } from '../../http/context.ts';
import * as claimed from './participants.needs.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** A participant's claimed needs and their photos (the phone pages' 我认领的需求). */
export async function participantNeedRoutes(app: FastifyZod): Promise<void> {
  const tags = ['participants'];
  if (!app.hasRequestDecorator('file')) {
    await app.register(multipart, { limits: { fileSize: maxAttachmentBytes, files: 1, fields: 2, parts: 3 } });
  }
  app.get('/api/participant/needs', { schema: { tags, summary: 'Needs my organisation has claimed (claimed, fulfilled, confirmed)', response: { 200: z.array(needSchema) } } }, async (request) =>
    claimed.mine(contextOf(request)),
  );
  app.get(
    '/api/participant/needs/:id/photos',
    { schema: { tags, summary: 'Photos of a need my organisation claimed', params: idParams, response: { 200: z.array(attachmentSchema) } } },
    async (request) => claimed.photos(contextOf(request), request.params.id),
  );
  app.post(
    '/api/participant/needs/:id/photos',
    {
      schema: {
        tags,
        summary: 'Add a photo (JPEG, PNG or WebP, multipart field "file") to a need my organisation claimed: progress or completion',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: attachmentSchema },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      // Who may upload is decided before the upload is read.
      await claimed.checkPhotoUpload(ctx, request.params.id);
      if (!request.isMultipart()) throw new AppError('unsupported_media_type');
      const file = await request.file({ limits: { fileSize: maxAttachmentBytes, files: 1 } });
      if (!file) throw fieldError('body.file', 'validation.required');
      const bytes = await file.toBuffer();
      if (bytes.length === 0) throw fieldError('body.file', 'validation.required');
      return reply.code(201).send(await claimed.addPhoto(ctx, request.params.id, file.filename, bytes));
    },
  );
  app.get(
    '/api/participant/photos/:id',
    { schema: { tags, summary: 'A photo of a need my organisation claimed', params: idParams } },
    async (request, reply) => {
      const found = await claimed.photoContent(contextOf(request), request.params.id);
      return reply
        .header('content-type', found.contentType)
        .header('content-length', String(found.size))
        .header('cache-control', 'private, max-age=86400')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(fs.createReadStream(found.file));
    },
  );
}
