import multipart from '@fastify/multipart';
import { maxAttachmentBytes, portalPhotoLimits, portalPhotoReceiptSchema } from '@tongxin/core';
import { challengeSchema, portalDivisionQuerySchema, portalDivisionSchema, portalReceiptSchema, portalSubmitSchema, portalTrackResultSchema, portalTrackSchema } from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { publicContextOf } from '../../http/context.ts';
import { AppError, fieldError } from '../../kernel/errors.ts';
import * as portal from './portal.service.ts';
import { addPhoto, photoTarget } from './portal.photos.ts';

/** The multipart field's value when it is a plain text field. */
const fieldValue = (field: unknown): unknown => (field && typeof field === 'object' && 'value' in field ? field.value : undefined);

/** The public portal: no sign-in. Every route here is `access: 'public'`. */
export async function portalRoutes(app: FastifyZod): Promise<void> {
  const tags = ['portal'];
  const config = { access: 'public' as const };
  app.get(
    '/api/portal/challenge',
    { config, schema: { tags, summary: 'A human check: an arithmetic question and a signed token (10 minutes, once)', response: { 200: challengeSchema } } },
    async (request) => portal.challenge(publicContextOf(request)),
  );
  app.get(
    '/api/portal/divisions',
    {
      config,
      schema: { tags, summary: 'Divisions to pick from: roots, the children of parentId, or a name search (q)', querystring: portalDivisionQuerySchema, response: { 200: z.array(portalDivisionSchema) } },
    },
    async (request) => portal.divisions(publicContextOf(request), request.query),
  );
  app.post(
    '/api/portal/submissions',
    {
      config,
      schema: {
        tags,
        summary: 'Submit a wish, help request, question, idea or opinion; 201 with a ticket, 200 with the same ticket for a repeated Idempotency-Key; 429 when too frequent',
        headers: z.object({ 'idempotency-key': z.string().max(100).optional() }).passthrough(),
        body: portalSubmitSchema,
        response: { 200: portalReceiptSchema, 201: portalReceiptSchema },
      },
    },
    async (request, reply) => {
      const { created, receipt } = await portal.submit(publicContextOf(request), request.body, request.headers['idempotency-key']);
      return reply.code(created ? 201 : 200).send(receipt);
    },
  );
  app.post(
    '/api/portal/track',
    {
      config,
      schema: {
        tags,
        summary: "Track a ticket with its number and the phone's last four digits: public steps and the final reply only",
        body: portalTrackSchema,
        response: { 200: portalTrackResultSchema },
      },
    },
    async (request) => portal.track(publicContextOf(request), request.body),
  );
  if (!app.hasRequestDecorator('file')) {
    await app.register(multipart, { limits: { fileSize: maxAttachmentBytes, files: 1, fields: 4, parts: 5 } });
  }
  app.post(
    '/api/portal/photos',
    {
      config,
      schema: {
        tags,
        summary: `Add one photo (JPEG, PNG or WebP) to a ticket just submitted: multipart fields ticketNo and phoneLast4, then file; at most ${portalPhotoLimits.perTicket} per ticket within ${portalPhotoLimits.windowMinutes} minutes`,
        consumes: ['multipart/form-data'],
        response: { 201: portalPhotoReceiptSchema },
      },
    },
    async (request, reply) => {
      const ctx = publicContextOf(request);
      if (!request.isMultipart()) throw new AppError('unsupported_media_type');
      const file = await request.file({ limits: { fileSize: maxAttachmentBytes, files: 1 } });
      if (!file) throw fieldError('body.file', 'validation.required');
      // The proof comes before the file, so it is checked before the upload is read.
      const proof = portalTrackSchema.safeParse({ ticketNo: fieldValue(file.fields.ticketNo), phoneLast4: fieldValue(file.fields.phoneLast4) });
      if (!proof.success) throw fieldError(`body.${String(proof.error.issues[0]?.path[0] ?? 'ticketNo')}`, 'validation.invalid_format');
      const target = await photoTarget(ctx, proof.data);
      const bytes = await file.toBuffer();
      if (bytes.length === 0) throw fieldError('body.file', 'validation.required');
      return reply.code(201).send(await addPhoto(ctx, target, { fileName: file.filename, bytes }));
    },
  );
}
