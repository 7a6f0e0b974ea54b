import { hasRole, isAdmin, locales, signInSchema, roles } from '@tongxin/core';
import { z } from 'zod';
import type { FastifyZod } from '../../http/fastify-zod.ts';
import { contextOf, publicContextOf } from '../../http/context.ts';
import { sessionCookie } from '../../http/session.ts';
import { changeLocale, signIn, signOut } from './auth.service.ts';

const meSchema = z.object({
  userId: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  divisionId: z.number().int().nullable(),
  divisionName: z.string().nullable(),
  roles: z.array(z.enum(roles)),
  locale: z.enum(locales),
  csrfToken: z.string(),
  /** What the UI may offer; the API checks again on every call. */
  can: z.object({ manageUsers: z.boolean(), browseAudit: z.boolean(), editDivisions: z.boolean() }),
});

export async function authRoutes(app: FastifyZod): Promise<void> {
  const tags = ['auth'];
  app.post(
    '/api/auth/sign-in',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Sign in; sets the session cookie', body: signInSchema, response: { 200: z.object({ csrfToken: z.string(), expiresAt: z.string() }) } },
    },
    async (request, reply) => {
      const session = await signIn(publicContextOf(request), request.body, request.sessionId ?? null);
      reply.setCookie(sessionCookie.name, session.token, sessionCookie.options(request.ctx.config, session.expiresAt));
      return { csrfToken: session.csrfToken, expiresAt: session.expiresAt };
    },
  );
  app.post('/api/auth/sign-out', { schema: { tags, summary: 'End this session' } }, async (request, reply) => {
    await signOut(contextOf(request), request.sessionId!);
    reply.clearCookie(sessionCookie.name, { path: '/' });
    return reply.code(204).send();
  });
  app.get('/api/auth/me', { schema: { tags, summary: 'Who is signed in, with the CSRF token for writes', response: { 200: meSchema } } }, async (request) => {
    const { actor } = contextOf(request);
    return {
      userId: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      divisionId: actor.divisionId,
      divisionName: request.divisionName ?? null,
      roles: actor.roles,
      locale: actor.locale as (typeof locales)[number],
      csrfToken: request.csrfToken!,
      can: { manageUsers: isAdmin(actor), browseAudit: isAdmin(actor), editDivisions: isAdmin(actor) || hasRole(actor, 'system_admin') },
    };
  });
  app.put(
    '/api/auth/locale',
    { schema: { tags, summary: 'Remember the interface language', body: z.object({ locale: z.enum(locales) }) } },
    async (request, reply) => {
      await changeLocale(contextOf(request), request.body.locale);
      return reply.code(204).send();
    },
  );
}
