import { translate, type ErrorBody, type ErrorCode, type FieldError, type Locale } from '@tongxin/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../kernel/errors.ts';
import { SchemaValidationError, translateIssue } from './validation.ts';

const contextNames: Record<string, string> = { querystring: 'query', params: 'params', body: 'body', headers: 'headers' };

function body(locale: Locale, code: ErrorCode, requestId: string, extra: { params?: Record<string, unknown>; fields?: FieldError[]; details?: Record<string, unknown> } = {}): ErrorBody {
  return {
    error: {
      code,
      message: translate(locale, `errors.${code}`, { requestId, ...extra.params }),
      ...(extra.fields?.length ? { fields: extra.fields } : {}),
      ...(extra.details ? { details: extra.details } : {}),
    },
    requestId,
  };
}

/** Fastify's own 4xx errors (bad JSON, wrong content type, body too large) in our catalogue. */
function codeOfFastifyError(error: FastifyError): ErrorCode | null {
  const status = error.statusCode ?? 500;
  if (status >= 500) return null;
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 429) return 'rate_limited';
  if (status === 404) return 'not_found';
  return 'bad_request';
}

/**
 * One place turns every error into `{ error: { code, message, fields } }` in the caller's language.
 * A 5xx is logged with its stack and answered with only a reference number.
 */
export function registerErrorHandler(app: FastifyInstance, options: { spaIndex: boolean }): void {
  app.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = request.ctx?.locale ?? 'zh-CN';
    if (error instanceof AppError) {
      const fields = error.fields.map((field) => ({ path: field.path, message: translate(locale, field.key, field.params) }));
      if (error.code === 'rate_limited' && error.details?.retryAfterSeconds) reply.header('retry-after', String(error.details.retryAfterSeconds));
      return reply.code(error.status).send(body(locale, error.code, request.id, { params: error.params, fields, ...(error.details ? { details: error.details } : {}) }));
    }
    if (error instanceof SchemaValidationError) {
      const prefix = contextNames[error.validationContext ?? 'body'] ?? 'body';
      // One message per field, the first: "too short" says more than "too short and too weak".
      const fields = [...new Map(error.issues.map((issue) => translateIssue(issue, prefix, locale)).reverse().map((f) => [f.path, f])).values()].reverse();
      return reply.code(400).send(body(locale, 'validation_failed', request.id, { fields }));
    }
    const code = codeOfFastifyError(error);
    if (code) return reply.code(error.statusCode!).send(body(locale, code, request.id));
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(body(locale, 'internal', request.id));
  });

  app.setNotFoundHandler(async (request, reply) => {
    // The single-page app owns every path outside /api: hand it index.html and let its router decide.
    if (options.spaIndex && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    const locale = request.ctx?.locale ?? 'zh-CN';
    return reply.code(404).send(body(locale, 'not_found', request.id, { params: { entity: 'entities.record' } }));
  });
}
