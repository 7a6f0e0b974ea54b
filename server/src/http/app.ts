import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { registerErrorHandler } from './error-handler.ts';
import { registerSessionHooks } from './session.ts';
import { registerRouteCatalogue } from './route-catalogue.ts';
import { registerReadiness } from './readiness.ts';
import { loggerOptions } from './logging.ts';
import { zodValidatorCompiler } from './validation.ts';
import { systemClock, type Clock } from './context.ts';
import type { FastifyZod } from './fastify-zod.ts';
import { modules } from '../modules/index.ts';
import { registerAccessHook, type AccessTable } from '../kernel/access.ts';
import { accessTable } from './access-table.ts';

export interface AppDeps {
  handle: DatabaseHandle;
  config: Config;
  clock?: Clock;
  /** Quiet in tests; pino JSON lines in production. */
  logger?: boolean;
  /** Where the log lines go (standard output when absent); tests capture them here. */
  logStream?: Writable;
  /** Who may call each route (default: every module's declarations); tests add or tighten entries. */
  accessTable?: AccessTable;
}

const contentSecurityPolicy = {
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // Ant Design writes its styles into <style> tags at run time.
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
  },
};

/** Build the whole HTTP application around an open database. Tests call this with `inject()`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger === false ? false : loggerOptions(deps.config.logLevel, deps.logStream),
    genReqId: () => crypto.randomUUID(),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  registerRouteCatalogue(app);
  // Before any route: every /api route must be declared, and the declaration is enforced.
  registerAccessHook(app, deps.accessTable ?? accessTable);
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON (and multipart for uploads): anything else is a 415, not a confusing 400.
  app.removeContentTypeParser('text/plain');

  await app.register(fastifyCookie);
  // Over plain HTTP (an office LAN), upgrading requests to HTTPS or pinning HSTS would break the UI.
  const secure = deps.config.cookieSecure;
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { directives: { ...contentSecurityPolicy.directives, upgradeInsecureRequests: secure ? [] : null } },
    hsts: secure,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  registerSessionHooks(app, { handle: deps.handle, config: deps.config, clock: deps.clock ?? systemClock });
  registerErrorHandler(app, { spaIndex: fs.existsSync(deps.config.webDist) });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Tongxin API', version: '0.1.0', description: '同心 — liaison office platform. Cookie sessions; writes need the x-csrf-token header from /api/auth/me.' },
    },
    transform: jsonSchemaTransform,
  });
  // The API description is public reading matter: its routes need no session.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config as object), access: 'public' };
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  app.get('/api/health', { config: { access: 'public' }, schema: { tags: ['ops'], summary: 'Liveness' } }, async () => ({ ok: true }));
  registerReadiness(app, deps.handle);

  for (const register of modules) await app.register(async (scope) => register(scope as unknown as FastifyZod));

  if (fs.existsSync(deps.config.webDist)) {
    // `wildcard: true` serves whatever is in dist/ now, so a rebuild needs no restart.
    await app.register(fastifyStatic, { root: deps.config.webDist, wildcard: true, index: false });
    app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  }
  return app;
}
