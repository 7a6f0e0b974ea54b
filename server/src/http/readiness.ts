import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/database.ts';
import { pendingMigrations } from '../db/migrate.ts';

/**
 * `GET /api/ready`: 200 when the database answers and every migration of this build is applied,
 * 503 otherwise — for a load balancer or service manager to hold traffic back (liveness is
 * `/api/health`, which never touches the database). Public, like the health check, and it says
 * nothing beyond what is wrong.
 */
export function registerReadiness(app: FastifyInstance, handle: DatabaseHandle): void {
  app.get('/api/ready', { config: { access: 'public' }, schema: { tags: ['ops'], summary: 'Readiness: database reachable and migrations current (503 otherwise)' } }, async (request, reply) => {
    try {
      await sql`select 1`.execute(handle.db);
    } catch (error) {
      request.log.error({ err: error }, 'readiness: database unreachable');
      return reply.code(503).send({ ok: false, database: 'unreachable' });
    }
    const pending = await pendingMigrations(handle);
    if (pending.length) return reply.code(503).send({ ok: false, database: 'ok', pendingMigrations: pending });
    return { ok: true, database: 'ok', pendingMigrations: [] };
  });
}
