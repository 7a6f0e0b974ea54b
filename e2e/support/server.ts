import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../server/src/config.ts';
import { openDatabase, type DatabaseHandle } from '../../server/src/db/database.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';
import { buildApp } from '../../server/src/http/app.ts';
import type { Clock } from '../../server/src/http/context.ts';
import { seedDemo } from '../../server/src/seed/demo/index.ts';

export interface E2eServer {
  url: string;
  app: FastifyInstance;
  handle: DatabaseHandle;
  close(): Promise<void>;
}

/**
 * The real server with the built web UI, on a fresh SQLite file loaded with the demo data, on a
 * free loopback port. A test may pass a clock to move time (overdue flags) without waiting.
 */
export async function startServer(options: { clock?: Clock } = {}): Promise<E2eServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-e2e-'));
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'warn', PORT: '0' });
  if (!fs.existsSync(path.join(config.webDist, 'index.html'))) throw new Error('web/dist is missing: run `npm run build` first');
  const handle = await openDatabase({ sqliteFile: path.join(dir, 'e2e.db') });
  await migrateToLatest(handle);
  await seedDemo(handle.db);
  const app = await buildApp({ handle, config, logger: false, ...(options.clock ? { clock: options.clock } : {}) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    handle,
    async close() {
      await app.close();
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
