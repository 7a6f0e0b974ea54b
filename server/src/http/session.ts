import { pickLocale } from '@tongxin/core';
import { assertParticipantMayCall } from '../kernel/access.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { resolveSession } from '../modules/auth/auth.service.ts';
import { AppError } from '../kernel/errors.ts';
import type { Clock, RequestContext } from './context.ts';

export const sessionCookie = {
  name: 'tongxin_session',
  options(config: Config, expiresAt: string) {
    return {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: config.cookieSecure,
      expires: new Date(expiresAt),
    };
  },
};

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A write must come from our own pages: the Origin (when the browser sends one) names this host
 * and this scheme. The scheme is the connection's, or with `TRUST_PROXY` the proxy's
 * `X-Forwarded-Proto` (Fastify's `request.protocol`): a page served over plain http cannot write
 * to the https site.
 */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    const url = new URL(origin);
    return url.host === request.headers.host && url.protocol === `${request.protocol}:`;
  } catch {
    return false;
  }
}

/**
 * Every request gets a context; /api requests also get their session resolved, and are refused
 * with 401 (no session on a signed-in route) or 403 (a write without the session's CSRF token, or
 * from another origin) before their body is even validated.
 */
export function registerSessionHooks(app: FastifyInstance, deps: { handle: DatabaseHandle; config: Config; clock: Clock }) {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('divisionName', null);

  app.addHook('onRequest', async (request) => {
    request.ctx = {
      db: deps.handle.db,
      readDb: deps.handle.readDb,
      dialect: deps.handle.dialect,
      config: deps.config,
      clock: deps.clock,
      actor: null,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
      requestId: request.id,
      locale: pickLocale(request.headers['accept-language']),
    };
    if (!request.url.startsWith('/api/')) return;
    const access = request.routeOptions.config?.access ?? 'signed-in';
    const token = request.cookies[sessionCookie.name];
    if (token) {
      const session = await resolveSession(request.ctx, token);
      if (session) {
        request.ctx.actor = session.actor;
        request.sessionId = session.sessionId;
        request.csrfToken = session.csrfToken;
        request.divisionName = session.divisionName;
        if (!request.headers['accept-language']) request.ctx.locale = pickLocale(session.actor.locale);
      }
    }
    // Unknown API path (no route, or only the static files' catch-all): the not-found handler answers 404.
    if (!request.routeOptions.url?.startsWith('/api/')) return;
    if (unsafeMethods.has(request.method)) {
      if (!sameOrigin(request)) throw new AppError('csrf_failed');
      if (request.sessionId && access !== 'public' && request.headers['x-csrf-token'] !== request.csrfToken) {
        throw new AppError('csrf_failed');
      }
    }
    if (access !== 'public' && !request.ctx.actor) throw new AppError('unauthenticated');
    // Participants (people outside the office) reach only the routes declared open to them, before
    // their request is even validated; other roles are checked against the declaration later
    // (server/src/kernel/access.ts).
    const actor = request.ctx.actor;
    if (actor && access !== 'public') {
      assertParticipantMayCall(request.routeOptions.config?.declared?.[request.method === 'HEAD' ? 'GET' : request.method], actor);
    }
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    divisionName: string | null;
  }
}
