/**
 * Which queries a dashboard read spends its time in: `npx tsx bench/province/profile-dashboard.ts --db <file> [divisionId]`.
 * Runs the service's `figures` 5 times with Kysely's query log and prints the slowest statements.
 */
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { loadConfig } from '../../server/src/config.ts';
import type { DB } from '../../server/src/db/types.ts';
import { figures } from '../../server/src/modules/dashboard/dashboard.service.ts';
import { defaultNow, ymd } from './plan.ts';
import { targetFromArgs } from './target.ts';

const target = targetFromArgs();
const divisionId = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 1);
const spent = new Map<string, { ms: number; count: number }>();
const db = new Kysely<DB>({
  dialect: new SqliteDialect({ database: new SQLite(target.sqliteFile!) }),
  log: (event) => {
    const key = event.query.sql.replace(/\s+/g, ' ').slice(0, 220);
    const entry = spent.get(key) ?? { ms: 0, count: 0 };
    entry.ms += event.queryDurationMillis;
    entry.count += 1;
    spent.set(key, entry);
  },
});
const ctx = {
  db, dialect: 'sqlite' as const, config: loadConfig({ LOG_LEVEL: 'silent' }), clock: { now: () => new Date(defaultNow) },
  actor: { userId: 1, username: 'bench', displayName: 'bench', divisionId, scopePath: null, roles: ['system_admin' as const], locale: 'zh-CN' as const },
  ip: 'bench', userAgent: null, requestId: 'bench', locale: 'zh-CN' as const,
};
const query = { divisionId, from: `${ymd(defaultNow).slice(0, 4)}-01-01`, to: ymd(defaultNow - 86_400_000) };
await figures(ctx, query);
spent.clear();
const started = performance.now();
for (let i = 0; i < 5; i++) await figures(ctx, query);
console.log(`5 reads: ${((performance.now() - started) / 5).toFixed(1)} ms each`);
for (const [sql, { ms, count }] of [...spent].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) {
  console.log(`${(ms / 5).toFixed(1).padStart(7)} ms/read ${String(count / 5).padStart(4)}× ${sql}`);
}
await db.destroy();
