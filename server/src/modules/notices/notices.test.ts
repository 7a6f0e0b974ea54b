import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { buildRequestWorld, ok, type RequestWorld } from '../cases/requests.test-support.ts';
import { hashPassword } from '../auth/password.ts';
import { insertUser } from '../users/users.repo.ts';
import { fixturePassword } from '../../test/fixture.ts';
import { runOutbox } from '../outbox/outbox.sender.ts';
import { logChannel } from '../outbox/channels/log.channel.ts';
import { finishSentNotices } from './notices.repo.ts';

/*
 * Notices to a segment (issue 15, item 4): count before sending, approval by another person, one
 * outbox row per recipient and channel in the approval's transaction, opt-outs honoured, figures.
 */

let t: TestApp;
let w: RequestWorld;
let admin: TestClient;
const phones = ['13900007001', '13900007002', '13900007003'];
const userIds: number[] = [];
beforeAll(async () => {
  t = await createTestApp({ env: { SMS_CALLBACK_TOKEN: 'callback-token-0123456789' } });
  w = await buildRequestWorld(t);
  admin = await t.signIn('qingpu.admin');
  // Three 社会组织 of 华新镇, each with one handler who has a phone; one of them will have opted out.
  const at = '2026-01-01T00:00:00.000Z';
  const hash = await hashPassword(fixturePassword);
  for (const [i, phone] of phones.entries()) {
    const org = (await t.handle.db.insertInto('organisations').values({ division_id: t.fixture.divisions.huaxin.id, name: `华新商会${i}`, type: 'chamber', created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id;
    const user = await insertUser(t.handle.db, { username: `notice.h${i}`, displayName: `负责人${i}`, passwordHash: hash, divisionId: t.fixture.divisions.huaxin.id, roles: ['org_admin'], phone, at });
    await t.handle.db.insertInto('organisation_handlers').values({ organisation_id: org, user_id: user, created_at: at }).execute();
    userIds.push(user);
  }
}, 120_000);
afterAll(async () => t.close());

const segment = { kind: 'organisation_types', types: ['chamber'] };

describe('notices to a segment', () => {
  it('preview counts; draft → pending → approved by another (not the author) → one SMS per recipient, opt-out skipped; figures; read marks', async () => {
    await t.handle.db.insertInto('message_opt_outs').values({ address: phones[2]!, source: 'test', created_at: new Date().toISOString() }).execute();
    const preview = ok<{ recipients: number; reachableBySms: number }>(await w.clients.huaxinStaff.post('/api/notices/preview', { divisionId: t.fixture.divisions.huaxin.id, segment }));
    expect(preview).toEqual({ recipients: 3, reachableBySms: 2 });
    // Another district's rule reaches nobody of 华新; a division outside the caller's subtree is 403.
    expect((await w.clients.zhaoxiangStaff.post('/api/notices/preview', { divisionId: t.fixture.divisions.huaxin.id, segment })).statusCode).toBe(403);
    expect((await w.clients.huaxinStaff.post('/api/notices/preview', { divisionId: t.fixture.divisions.huaxin.id, segment: { kind: 'organisation_types', types: [] } })).statusCode).toBe(400);

    let notice = ok<{ id: number; version: number; state: string }>(
      await admin.post('/api/notices', { divisionId: t.fixture.divisions.huaxin.id, title: '惠企政策', body: '本月起申报稳岗补贴', channels: ['inapp', 'sms'], segment }),
      201,
    );
    expect(notice.state).toBe('draft');
    notice = ok(await admin.post(`/api/notices/${notice.id}/submit`, { version: notice.version }));
    expect(notice.state).toBe('pending_approval');
    // The author may not approve their own; staff may not approve at all; a stale version is 409.
    const own = await admin.post(`/api/notices/${notice.id}/approve`, { version: notice.version });
    expect(own.statusCode).toBe(403);
    expect((await w.clients.huaxinStaff.post(`/api/notices/${notice.id}/approve`, { version: notice.version })).statusCode).toBe(403);
    expect(await t.handle.db.selectFrom('outbox_messages').select('id').where('entity', '=', 'notice').execute()).toEqual([]);

    const system = await t.signIn('admin');
    expect((await system.post(`/api/notices/${notice.id}/approve`, { version: notice.version + 1 })).statusCode).toBe(409);
    const sent = ok<{ state: string; figures: Record<string, number> }>(await system.post(`/api/notices/${notice.id}/approve`, { version: notice.version }));
    expect(sent.state).toBe('sending');
    expect(sent.figures).toEqual({ recipients: 3, sent: 0, delivered: 0, failed: 0, waiting: 2, read: 0 });
    const rows = await t.handle.db.selectFrom('outbox_messages').select(['address', 'channel', 'text', 'user_id']).where('entity', '=', 'notice').where('entity_id', '=', notice.id).orderBy('address').execute();
    expect(rows.map((r) => [r.address, r.channel])).toEqual([
      [phones[0], 'sms'],
      [phones[1], 'sms'],
    ]);
    // Every SMS carries the opt-out text.
    expect(rows[0]!.text).toBe('惠企政策：本月起申报稳岗补贴 回复TD退订');
    expect((await auditRows(t.handle, 'notice.approve'))[0]).toMatchObject({ entity_id: String(notice.id) });

    // Sent by the outbox (10:00 Beijing, not quiet hours), then marked sent once nothing waits.
    const run = await runOutbox(t.handle.db, new Date('2026-11-25T02:00:00Z'), { channels: { sms: logChannel(() => {}), wechat: null }, holder: 'n', maxAttempts: 3, smsDailyCap: 10 });
    expect(run.sent).toBe(2);
    expect(await finishSentNotices(t.handle.db, '2026-11-25T02:01:00.000Z')).toEqual([notice.id]);

    // A recipient reads it on their page; a non-recipient gets 404.
    const reader = await t.signIn('notice.h0');
    const mine = ok<Array<{ id: number; title: string; readAt: string | null }>>(await reader.get('/api/notices/mine'));
    expect(mine.map((n) => [n.id, n.title, n.readAt])).toEqual([[notice.id, '惠企政策', null]]);
    expect((await reader.post(`/api/notices/${notice.id}/read`)).statusCode).toBe(204);
    expect((await reader.post(`/api/notices/${notice.id}/read`)).statusCode).toBe(204);
    expect((await w.clients.huaxinStaff.post(`/api/notices/${notice.id}/read`)).statusCode).toBe(404);
    const detail = ok<{ state: string; figures: Record<string, number> }>(await admin.get(`/api/notices/${notice.id}`));
    expect(detail.state).toBe('sent');
    expect(detail.figures).toEqual({ recipients: 3, sent: 2, delivered: 0, failed: 0, waiting: 0, read: 1 });
    expect((await w.clients.zhaoxiangStaff.get(`/api/notices/${notice.id}`)).statusCode).toBe(403);
  });
});
