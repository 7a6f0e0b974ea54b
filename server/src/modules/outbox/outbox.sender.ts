import { beijingDayStart, inQuietHours, nextBeijingMorning, type StaffMessageEvent, staffMessageEvents } from '@tongxin/core';
import type { Db } from '../../db/database.ts';
import type { Channels } from './channels/channels.ts';
import type { SendResult } from './channels/channel.ts';
import { channelsFor } from './outbox.queue.ts';
import { claimDue, isOptedOut, preferencesOf, sentSince, settle, type OutboxRow } from './outbox.repo.ts';

export interface OutboxRunOptions {
  channels: Channels;
  /** Who claims (instance id): a claim is settled only by its holder. */
  holder: string;
  maxAttempts: number;
  smsDailyCap: number;
  /** Messages claimed per run. */
  limit?: number;
  /** How long a claim holds before another runner may take the message (a crashed sender). */
  claimMs?: number;
}

export interface OutboxRun {
  sent: number;
  retried: number;
  failed: number;
  deferred: number;
  cancelled: number;
}

/** Wait before attempt n+1 (n ≥ 1 attempts made): 1, 2, 4, 8… minutes, at most 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(6 * 3_600_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

type Outcome = { kind: keyof OutboxRun; patch: Partial<Omit<OutboxRow, 'id'>> };

async function decide(db: Db, row: OutboxRow, options: OutboxRunOptions, now: Date): Promise<Outcome> {
  const at = now.toISOString();
  const cancel = (reason: string): Outcome => ({ kind: 'cancelled', patch: { state: 'cancelled', last_error: reason, finished_at: at } });
  const defer = (until: Date, reason: string): Outcome => ({ kind: 'deferred', patch: { state: 'queued', next_attempt_at: until.toISOString(), last_error: reason } });
  // Opt-outs and changed preferences count from the moment they are made, queued messages included.
  if (row.channel === 'sms' && (await isOptedOut(db, row.address))) return cancel('opted out');
  if (row.user_id !== null && (staffMessageEvents as readonly string[]).includes(row.event)) {
    const saved = (await preferencesOf(db, [row.user_id])).get(`${row.user_id}:${row.event}`);
    if (!channelsFor(saved, row.event as StaffMessageEvent).includes(row.channel as 'sms' | 'wechat')) return cancel('preference turned off');
  }
  const channel = row.channel === 'sms' ? options.channels.sms : options.channels.wechat;
  if (!channel) return { kind: 'failed', patch: { state: 'failed', last_error: `no ${row.channel} channel configured`, finished_at: at } };
  if (row.channel === 'sms') {
    if (!row.urgent && inQuietHours(now)) return defer(nextBeijingMorning(now), 'quiet hours');
    if ((await sentSince(db, row.address, beijingDayStart(now).toISOString())) >= options.smsDailyCap) return defer(nextBeijingMorning(now), 'daily cap');
  }
  let result: SendResult;
  try {
    result = await channel.send({ ref: String(row.id), to: row.address, text: row.text, template: row.event, params: JSON.parse(row.params) as Record<string, string> });
  } catch (error) {
    // A channel should answer, not throw; if one does, treat it as a passing failure.
    result = { status: 'retry', retryAfterMs: null, reason: error instanceof Error ? error.message : String(error) };
  }
  const attempts = row.attempts + 1;
  const base = { attempts, provider: channel.name };
  if (result.status === 'accepted') return { kind: 'sent', patch: { ...base, state: 'sent', provider_id: result.providerId, sent_at: at, last_error: null } };
  if (result.status === 'failed') return { kind: 'failed', patch: { ...base, state: 'failed', last_error: result.reason, finished_at: at } };
  if (attempts >= options.maxAttempts) return { kind: 'failed', patch: { ...base, state: 'failed', last_error: `gave up after ${attempts} attempts: ${result.reason}`, finished_at: at } };
  const wait = Math.max(result.retryAfterMs ?? 0, backoffMs(attempts));
  return { kind: 'retried', patch: { ...base, state: 'queued', next_attempt_at: new Date(now.getTime() + wait).toISOString(), last_error: result.reason } };
}

/**
 * Send the messages that are due at `now`: claim a batch, decide each one (opt-out, preference,
 * quiet hours, daily cap), send it through its channel, and write the outcome. Several runners
 * (instances, or overlapping runs) may call this at once: a message is claimed by one of them.
 * Called by the scheduled `outbox` job and directly by tests.
 *
 * @example
 * const run = await runOutbox(handle.db, new Date(), { channels: currentChannels(), holder: instanceId, maxAttempts: 6, smsDailyCap: 10 });
 */
export async function runOutbox(db: Db, now: Date, options: OutboxRunOptions): Promise<OutboxRun> {
  const run: OutboxRun = { sent: 0, retried: 0, failed: 0, deferred: 0, cancelled: 0 };
  const claimed = await claimDue(db, options.holder, now.toISOString(), new Date(now.getTime() + (options.claimMs ?? 5 * 60_000)).toISOString(), options.limit ?? 200);
  for (const row of claimed) {
    const outcome = await decide(db, row, options, now);
    if (await settle(db, row.id, options.holder, outcome.patch)) run[outcome.kind] += 1;
  }
  return run;
}
