import type { FastifyInstance, RouteOptions } from 'fastify';

/** One registered route as the access matrix and the bad-input tests see it. */
export interface CataloguedRoute {
  method: string;
  url: string;
  access: string | undefined;
  schema: { params?: unknown; querystring?: unknown; body?: unknown; response?: Record<string, unknown>; hide?: boolean } | undefined;
}

/**
 * Keep a list of every route as it is registered (Fastify's onRoute hook), so tests can walk the
 * server's own route table instead of a hand-written copy that drifts. Call before any route.
 */
export function registerRouteCatalogue(app: FastifyInstance): void {
  const routes: CataloguedRoute[] = [];
  app.decorate('routeCatalogue', routes);
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      // HEAD mirrors GET; Fastify adds it on its own.
      if (method === 'HEAD') continue;
      routes.push({
        method,
        url: route.url,
        access: (route.config as { access?: string } | undefined)?.access,
        schema: route.schema as CataloguedRoute['schema'],
      });
    }
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalogue: CataloguedRoute[];
  }
}
