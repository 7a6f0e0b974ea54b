import { normalisePhone } from '@tongxin/core';
import type { Db, Executor } from '../../db/database.ts';
import { notFound } from '../../kernel/errors.ts';
import { nowIso, type RequestContext } from '../../http/context.ts';
import type { Channels } from './channels/channels.ts';
import { addOptOut, awaitingReport, recordReport } from './outbox.repo.ts';

/*
 * Delivery reports: whether a sent SMS reached the phone. Two ways in, both idempotent (a row moves
 * from `sent` once): the provider pushes them (Alibaba Cloud SMS "HTTP 批量推送", SmsReport: a JSON
 * array of { phone_number, success, err_code, err_msg, biz_id, out_id, report_time }), or the job
 * asks for them (QuerySendDetails through the channel's `deliveryReport`). Replies to our SMS come
 * in the same way (SmsUp: { phone_number, content, … }); "TD" and its kin opt the number out.
 */

/** How often a message without a report is asked about again, and for how long. */
export const reportPollMs = 10 * 60_000;
export const reportGiveUpMs = 48 * 3_600_000;
/** "No report will come": `next_attempt_at` of a sent message that is no longer asked about. */
const NEVER = '9999-12-31T00:00:00.000Z';

export interface ReportRun {
  delivered: number;
  undelivered: number;
  pending: number;
}

/**
 * Ask the SMS channel for the reports of up to `limit` sent messages that are due for asking.
 * A channel without reports (log, relay) is not asked. Two runners asking at once write the same
 * answer once (the update is conditional on `sent`).
 *
 * @example
 * await runDeliveryReports(handle.db, new Date(), currentChannels()); // { delivered: 3, undelivered: 1, pending: 2 }
 */
export async function runDeliveryReports(db: Db, now: Date, channels: Channels, limit = 100): Promise<ReportRun> {
  const run: ReportRun = { delivered: 0, undelivered: 0, pending: 0 };
  const channel = channels.sms;
  if (!channel.deliveryReport) return run;
  const at = now.toISOString();
  for (const row of await awaitingReport(db, channel.name, at, limit)) {
    let report: Awaited<ReturnType<NonNullable<typeof channel.deliveryReport>>>;
    try {
      report = await channel.deliveryReport({ providerId: row.provider_id!, to: row.address, sentAt: row.sent_at ?? row.created_at });
    } catch {
      report = { state: 'pending' };
    }
    if (report.state === 'delivered') {
      if (await recordReport(db, { id: row.id }, { state: 'delivered', finished_at: at })) run.delivered += 1;
    } else if (report.state === 'failed') {
      if (await recordReport(db, { id: row.id }, { state: 'undelivered', last_error: report.reason, finished_at: at })) run.undelivered += 1;
    } else {
      const old = now.getTime() - new Date(row.sent_at ?? row.created_at).getTime() > reportGiveUpMs;
      await recordReport(db, { id: row.id }, { next_attempt_at: old ? NEVER : new Date(now.getTime() + reportPollMs).toISOString() });
      run.pending += 1;
    }
  }
  return run;
}

export interface AliyunReport {
  phone_number?: string;
  success?: boolean;
  err_code?: string;
  err_msg?: string;
  biz_id?: string;
  out_id?: string;
  report_time?: string;
}

/** Apply pushed reports; `out_id` is our outbox id (sent as OutId), `biz_id` the provider's. Returns rows updated. */
export async function applyAliyunReports(db: Executor, reports: readonly AliyunReport[], at: string): Promise<number> {
  let updated = 0;
  for (const report of reports) {
    const id = Number(report.out_id);
    if (!Number.isSafeInteger(id) || id <= 0) continue;
    const patch = report.success === true ? { state: 'delivered', finished_at: at } : { state: 'undelivered', last_error: `${report.err_code ?? 'failed'}${report.err_msg ? `: ${report.err_msg}` : ''}`, finished_at: at };
    if (await recordReport(db, { id, providerId: report.biz_id ?? null }, patch)) updated += 1;
  }
  return updated;
}

export interface AliyunReply {
  phone_number?: string;
  content?: string;
}

/** Replies that mean "no more SMS" (回复TD退订, and the words people actually type). */
const OPT_OUT_WORDS = new Set(['TD', 'T', 'N', 'QX', '退订', '取消', 'STOP', 'UNSUBSCRIBE']);

/** Apply pushed replies: an opt-out word records the opt-out and cancels the number's queued SMS at once. Returns opt-outs recorded. */
export async function applyAliyunReplies(db: Executor, replies: readonly AliyunReply[], at: string): Promise<number> {
  let optOuts = 0;
  for (const reply of replies) {
    const word = (reply.content ?? '').trim().toUpperCase();
    if (!reply.phone_number || !OPT_OUT_WORDS.has(word)) continue;
    const address = normalisePhone(reply.phone_number);
    if (!/^1\d{10}$/.test(address)) continue;
    await addOptOut(db, address, 'sms_reply', at);
    optOuts += 1;
  }
  return optOuts;
}

/** The callback's secret path segment must match SMS_CALLBACK_TOKEN; unset or wrong: 404, as if no such route. */
function checkToken(ctx: RequestContext, token: string): void {
  const expected = ctx.config.messaging.smsCallbackToken;
  if (!expected || token !== expected) throw notFound('record');
}

/** A pushed batch of delivery reports (the provider's callback). */
export async function receiveReports(ctx: RequestContext, token: string, reports: readonly AliyunReport[]): Promise<number> {
  checkToken(ctx, token);
  return ctx.db.transaction().execute((trx) => applyAliyunReports(trx, reports, nowIso(ctx)));
}

/** A pushed batch of replies (the provider's callback); opt-outs hold from this transaction on. */
export async function receiveReplies(ctx: RequestContext, token: string, replies: readonly AliyunReply[]): Promise<number> {
  checkToken(ctx, token);
  return ctx.db.transaction().execute((trx) => applyAliyunReplies(trx, replies, nowIso(ctx)));
}
