import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { aliyunSmsChannel } from './channels/aliyun-sms.channel.ts';
import { startFakeServer, type FakeServer } from './channels/fake-server.test-support.ts';
import { queueForPhone } from './outbox.queue.ts';
import { runDeliveryReports } from './outbox.reports.ts';
import { runOutbox } from './outbox.sender.ts';

/*
 * Delivery reports (issue 15): asked for with QuerySendDetails against a fake dysmsapi, and pushed
 * by the provider (SmsReport, SmsUp) to the token-guarded callbacks.
 */

let t: TestApp;
let api: FakeServer;
const token = 'callback-token-0123456789';
beforeAll(async () => {
  t = await createTestApp({ env: { SMS_CALLBACK_TOKEN: token } });
  api = await startFakeServer((request) => {
    const p = Object.fromEntries(request.body.split('&').map((kv) => kv.split('=').map(decodeURIComponent) as [string, string]));
    if (!p.Signature || p.Version !== '2017-05-25') return { status: 400, body: { Code: 'MissingParameter' } };
    if (p.Action === 'SendSms') return { status: 200, body: { Code: 'OK', Message: 'OK', BizId: `biz-${p.OutId}` } };
    if (p.Action === 'QuerySendDetails') {
      if (!p.PhoneNumber || !p.BizId || !/^\d{8}$/.test(p.SendDate ?? '')) return { status: 400, body: { Code: 'MissingParameter' } };
      // 13900008001 delivered, 13900008002 failed at the operator, anything else still waiting.
      const status = p.PhoneNumber === '13900008001' ? 3 : p.PhoneNumber === '13900008002' ? 2 : 1;
      return { status: 200, body: { Code: 'OK', Message: 'OK', TotalCount: 1, SmsSendDetailDTOs: { SmsSendDetailDTO: [{ PhoneNum: p.PhoneNumber, SendStatus: status, ErrCode: status === 2 ? 'MK:0005' : 'DELIVERED', ReceiveDate: '2026-11-25 10:00:05' }] } } };
    }
    return { status: 400, body: { Code: 'InvalidAction' } };
  });
}, 120_000);
afterAll(async () => {
  await api.close();
  await t.close();
});
beforeEach(async () => {
  await t.handle.db.deleteFrom('outbox_messages').execute();
  await t.handle.db.deleteFrom('message_opt_outs').execute();
});

const channels = () => ({ sms: aliyunSmsChannel({ accessKeyId: 'k', accessKeySecret: 's', signName: '同心', templates: { '*': 'SMS_1' }, endpoint: `${api.url}/` }), wechat: null });
const at = '2026-11-25T02:00:00.000Z';
const queue = async (phone: string) => queueForPhone(t.handle.db, phone, t.fixture.divisions.huaxin.id, { event: 'ticket_received', entity: 'case', entityId: 1, params: { ticketNo: 'T1', category: '求助' }, at });
const states = async () => (await t.handle.db.selectFrom('outbox_messages').select(['address', 'state', 'last_error']).orderBy('address').execute()).map((r) => [r.address, r.state, r.last_error]);

describe('QuerySendDetails: the job asks for the reports of sent SMS', () => {
  it('delivered and failed are recorded; a pending one is asked again later, not at once', async () => {
    for (const phone of ['13900008001', '13900008002', '13900008003']) await queue(phone);
    const now = new Date(at);
    expect((await runOutbox(t.handle.db, now, { channels: channels(), holder: 'r', maxAttempts: 3, smsDailyCap: 10 })).sent).toBe(3);
    const first = await runDeliveryReports(t.handle.db, new Date('2026-11-25T02:01:00Z'), channels());
    expect(first).toEqual({ delivered: 1, undelivered: 1, pending: 1 });
    expect(await states()).toEqual([
      ['13900008001', 'delivered', null],
      ['13900008002', 'undelivered', 'MK:0005'],
      ['13900008003', 'sent', null],
    ]);
    expect(await runDeliveryReports(t.handle.db, new Date('2026-11-25T02:02:00Z'), channels())).toEqual({ delivered: 0, undelivered: 0, pending: 0 });
    expect(await runDeliveryReports(t.handle.db, new Date('2026-11-25T02:12:00Z'), channels())).toEqual({ delivered: 0, undelivered: 0, pending: 1 });
  });
});

describe('provider pushes (SmsReport, SmsUp)', () => {
  it('200 { code: 0 }: reports by out_id and biz_id set delivered / undelivered once; a wrong token is 404', async () => {
    for (const phone of ['13900008011', '13900008012']) await queue(phone);
    await runOutbox(t.handle.db, new Date(at), { channels: channels(), holder: 'r', maxAttempts: 3, smsDailyCap: 10 });
    const rows = await t.handle.db.selectFrom('outbox_messages').select(['id', 'address', 'provider_id']).orderBy('address').execute();
    expect(rows.length).toBe(2);
    const body = rows.map((r, i) => ({ phone_number: r.address, send_time: '2026-11-25 10:00:00', report_time: '2026-11-25 10:00:03', success: i === 0, err_code: i === 0 ? 'DELIVERED' : 'MK:0001', err_msg: i === 0 ? '用户接收成功' : '空号', sms_size: '1', biz_id: r.provider_id, out_id: String(r.id) }));
    const anon = t.anonymous();
    expect((await anon.post(`/api/public/sms/aliyun/wrong-token-0123456789/report`, body)).statusCode).toBe(404);
    const pushed = await anon.post(`/api/public/sms/aliyun/${token}/report`, body);
    expect(pushed.statusCode).toBe(200);
    expect(pushed.json()).toEqual({ code: 0, msg: '接收成功' });
    expect(await states()).toEqual([
      ['13900008011', 'delivered', null],
      ['13900008012', 'undelivered', 'MK:0001: 空号'],
    ]);
    // A report naming another provider id changes nothing.
    await t.handle.db.updateTable('outbox_messages').set({ state: 'sent' }).where('id', '=', rows[0]!.id).execute();
    ok200(await anon.post(`/api/public/sms/aliyun/${token}/report`, [{ ...body[0], success: false, biz_id: 'someone-else' }]));
    expect((await states())[0]).toEqual(['13900008011', 'sent', null]);
  });

  it('a "TD" reply opts the number out at once: its queued SMS are cancelled and nothing more is queued', async () => {
    await queue('13900008021');
    const anon = t.anonymous();
    ok200(await anon.post(`/api/public/sms/aliyun/${token}/up`, [{ phone_number: '13900008021', send_time: '2026-11-25 10:01:00', content: ' td ', sign_name: '同心', dest_code: '1234', sequence_id: 1 }, { phone_number: '13900008022', content: '谢谢' }]));
    expect(await states()).toEqual([['13900008021', 'cancelled', 'opted out']]);
    expect(await t.handle.db.selectFrom('message_opt_outs').select(['address', 'source']).execute()).toEqual([{ address: '13900008021', source: 'sms_reply' }]);
    expect(await queue('13900008021')).toBe(0);
  });
});

function ok200(response: { statusCode: number; body: string }) {
  expect(response.statusCode, response.body).toBe(200);
}
