/**
 * Outbox benchmark (issue 15): a notice to 20,000 recipients. Times what approving it does in one
 * transaction (resolve the segment, write 20,000 recipient rows and 20,000 outbox rows), then
 * drains the outbox with the log channel from two runners racing (as two instances would), and
 * checks that every message was sent exactly once. Fresh SQLite file, or DATABASE_URL.
 *
 *   npm run bench:outbox -w bench
 *   RECIPIENTS=5000 npm run bench:outbox -w bench
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../server/src/db/database.ts';
import { migrateToLatest } from '../server/src/db/migrate.ts';
import { insertDivision } from '../server/src/modules/divisions/divisions.repo.ts';
import { insertRecipients, resolveSegment } from '../server/src/modules/notices/notices.repo.ts';
import type { Channel } from '../server/src/modules/outbox/channels/channel.ts';
import { queueToUsersOn } from '../server/src/modules/outbox/outbox.queue.ts';
import { runOutbox } from '../server/src/modules/outbox/outbox.sender.ts';

const recipients = Number(process.env.RECIPIENTS ?? 20_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-bench-outbox-'));

async function main() {
  const handle = await openDatabase(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { sqliteFile: path.join(dir, 'bench.db') });
  await migrateToLatest(handle);
  const db = handle.db;
  const at = '2026-11-25T02:00:00.000Z'; // 10:00 Beijing: outside the quiet hours
  const city = await insertDivision(db, { parentId: null, parentPath: null, parentDepth: -1, name: '上海市', level: 'city', code: null, at });
  const town = await insertDivision(db, { parentId: city.id, parentPath: city.path, parentDepth: city.depth, name: '华新镇', level: 'town', code: null, at });
  const chamber = (await db.insertInto('organisations').values({ division_id: town.id, name: '华新镇商会', type: 'chamber', created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id;

  // 20,000 member firms, each with one handler account that has a (fake-range) mobile.
  const setup = performance.now();
  for (let i = 0; i < recipients; i += 500) {
    const n = Math.min(500, recipients - i);
    const orgs = await db
      .insertInto('organisations')
      .values(Array.from({ length: n }, (_, k) => ({ division_id: town.id, name: `会员企业${i + k}`, type: 'enterprise', created_at: at, updated_at: at })))
      .returning('id')
      .execute();
    const users = await db
      .insertInto('users')
      .values(Array.from({ length: n }, (_, k) => ({ username: `m${i + k}`, display_name: `联系人${i + k}`, password_hash: 'x', division_id: town.id, roles: '["org_admin"]', phone: `139${String(i + k).padStart(8, '0')}`, disabled: 0, locale: 'zh-CN', password_changed_at: at, created_at: at, updated_at: at })))
      .returning('id')
      .execute();
    await db.insertInto('memberships').values(orgs.map((o) => ({ organisation_id: chamber, member_organisation_id: o.id, member_person_id: null, role: 'member', since: null, until: null, created_at: at, updated_at: at }))).execute();
    await db.insertInto('organisation_handlers').values(orgs.map((o, k) => ({ organisation_id: o.id, user_id: users[k]!.id, created_at: at }))).execute();
  }
  console.log(`setup: ${recipients} member firms with handlers in ${((performance.now() - setup) / 1000).toFixed(1)} s (${handle.dialect})`);

  const notice = (await db.insertInto('notices').values({ division_id: town.id, title: '惠企政策', body: '本月起申报稳岗补贴', channels: 'inapp,sms', segment: JSON.stringify({ kind: 'chamber_members', organisationId: chamber }), state: 'sending', created_by: null, submitted_at: at, approved_by: null, approved_at: at, reject_reason: null, sent_at: null, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id;

  // What POST /api/notices/:id/approve does inside its transaction.
  const queueStart = performance.now();
  const queued = await db.transaction().execute(async (trx) => {
    const ids = await resolveSegment(trx, town.path, { kind: 'chamber_members', organisationId: chamber });
    await insertRecipients(trx, notice, ids, at);
    return queueToUsersOn(trx, ids, ['sms'], { event: 'notice', entity: 'notice', entityId: notice, params: { title: '惠企政策', body: '本月起申报稳岗补贴' }, at });
  });
  const queueMs = performance.now() - queueStart;
  console.log(`queue: ${queued} outbox rows (+ ${recipients} recipient rows) in one transaction: ${queueMs.toFixed(0)} ms  (target < 2000 ms)`);

  // Drain with two runners racing; the log channel counts what it is handed per message.
  const handed = new Map<string, number>();
  const channel: Channel = {
    name: 'log',
    medium: 'sms',
    async send(message) {
      handed.set(message.ref, (handed.get(message.ref) ?? 0) + 1);
      return { status: 'accepted', providerId: null };
    },
  };
  const drainStart = performance.now();
  const runner = async (holder: string) => {
    let sent = 0;
    for (;;) {
      const run = await runOutbox(db, new Date(at), { channels: { sms: channel, wechat: null }, holder, maxAttempts: 6, smsDailyCap: 10, limit: 500 });
      const moved = run.sent + run.retried + run.failed + run.deferred + run.cancelled;
      sent += run.sent;
      if (moved === 0) return sent;
    }
  };
  const [a, b] = await Promise.all([runner('instance-a'), runner('instance-b')]);
  const drainS = (performance.now() - drainStart) / 1000;
  const twice = [...handed.values()].filter((n) => n > 1).length;
  const sentRows = await db.selectFrom('outbox_messages').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'sent').executeTakeFirstOrThrow();
  console.log(`drain: ${a + b} sent (runner a ${a}, runner b ${b}) in ${drainS.toFixed(1)} s = ${((a + b) / drainS).toFixed(0)} messages/s`);
  console.log(`once: ${handed.size} distinct messages handed to the channel, ${twice} handed more than once, ${Number(sentRows.n)} rows 'sent' -> ${handed.size === queued && twice === 0 && Number(sentRows.n) === queued ? 'OK' : 'FAILED'}`);
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
