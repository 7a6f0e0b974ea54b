import { describe, expect, it } from 'vitest';
import { toShanghaiIso } from '../calendar/shanghai-time.ts';
import { computeRequestClocks, decisiveReplyClock, type RequestClock, type RequestHistoryEntry } from './clocks.ts';
import { defaultSlaPolicy, dueAt, slaPolicySchema } from './policy.ts';

const local = (iso: string | null): string | null => (iso === null ? null : toShanghaiIso(iso).slice(0, 16).replace('T', ' '));
const summary = (c: RequestClock) => ({ status: c.status, due: local(c.dueAt), remaining: c.remainingMinutes, overdue: c.overdueMinutes });

/** A help request registered and dispatched the day before the 2026 National Day week. */
const beforeNationalDay: RequestHistoryEntry[] = [
  { state: 'received', at: '2026-09-30 09:00' },
  { state: 'dispatched', at: '2026-09-30 10:00' },
];

describe('clocks of a help request across the National Day week', () => {
  it('sets due times: accept 1 working hour, contact 24 clock hours, reply 3 working days', () => {
    const c = computeRequestClocks('help', beforeNationalDay, { now: '2026-09-30 10:30' });
    expect(c.state).toBe('dispatched');
    expect(summary(c.accept)).toEqual({ status: 'running', due: '2026-09-30 11:00', remaining: 30, overdue: 0 });
    // 23.5 clock hours left, holiday or not.
    expect(summary(c.contact)).toEqual({ status: 'running', due: '2026-10-01 10:00', remaining: 23 * 60 + 30, overdue: 0 });
    // Working days after 09-30: Thu 10-08, Fri 10-09, Sat 10-10 (调休). Left: 90 + 240 on 09-30, 3 × 420.
    expect(summary(c.reply)).toEqual({ status: 'running', due: '2026-10-10 17:30', remaining: 330 + 3 * 420, overdue: 0 });
    expect(c.accept.measure).toBe('working');
    expect(c.contact.measure).toBe('clock');
  });

  it('counts overdue working minutes that do not grow over the holiday', () => {
    const onHoliday = computeRequestClocks('help', beforeNationalDay, { now: '2026-10-05 15:00' });
    // Due 09-30 11:00: 60 + 240 working minutes late by the end of 09-30, then nothing until 10-08.
    expect(summary(onHoliday.accept)).toEqual({ status: 'overdue', due: '2026-09-30 11:00', remaining: -300, overdue: 300 });
    const afterHoliday = computeRequestClocks('help', beforeNationalDay, { now: '2026-10-08 09:10' });
    expect(afterHoliday.accept.overdueMinutes).toBe(310);
    // The contact clock is in clock hours: 10-01 10:00 → 10-05 15:00 is 4 days 5 hours.
    expect(onHoliday.contact.overdueMinutes).toBe(4 * 1440 + 5 * 60);
  });

  it('stops each clock at its event: met inside the limit, missed outside', () => {
    const history: RequestHistoryEntry[] = [
      ...beforeNationalDay,
      { state: 'accepted', at: '2026-09-30 10:45' },
      { event: 'contacted', at: '2026-10-01 09:00' },
      { state: 'in_progress', at: '2026-10-08 09:00' },
      { state: 'replied', at: '2026-10-10 16:30' },
    ];
    const c = computeRequestClocks('help', history, { now: '2026-10-20 10:00' });
    expect(summary(c.accept)).toEqual({ status: 'met', due: '2026-09-30 11:00', remaining: 15, overdue: 0 });
    expect(summary(c.contact)).toEqual({ status: 'met', due: '2026-10-01 10:00', remaining: 60, overdue: 0 });
    expect(summary(c.reply)).toEqual({ status: 'met', due: '2026-10-10 17:30', remaining: 60, overdue: 0 });
    expect(local(c.reply.stoppedAt)).toBe('2026-10-10 16:30');

    const late = computeRequestClocks('help', [...beforeNationalDay, { state: 'accepted', at: '2026-10-08 09:10' }], { now: '2026-10-08 10:00' });
    expect(summary(late.accept)).toEqual({ status: 'missed', due: '2026-09-30 11:00', remaining: -310, overdue: 310 });
  });

  it('does not meet the contact clock with a reply: without a logged contact it ends cancelled at the reply', () => {
    const history: RequestHistoryEntry[] = [...beforeNationalDay, { state: 'accepted', at: '2026-09-30 10:45' }, { state: 'replied', at: '2026-09-30 16:00' }];
    const c = computeRequestClocks('help', history, { now: '2026-10-20 10:00' });
    expect(c.contact.status).toBe('cancelled');
    expect(local(c.contact.stoppedAt)).toBe('2026-09-30 16:00');
    expect(c.contact.remainingMinutes).toBe(null);
    expect(c.reply.status).toBe('met');
    // A contact logged before the reply still meets it.
    const called = computeRequestClocks('help', [...history.slice(0, 3), { event: 'contacted', at: '2026-09-30 11:00' }, history[3]!], { now: '2026-10-20 10:00' });
    expect(summary(called.contact)).toEqual({ status: 'met', due: '2026-10-01 10:00', remaining: 23 * 60, overdue: 0 });
  });

  it('meets a clock stopped exactly at the due time', () => {
    const c = computeRequestClocks('help', [...beforeNationalDay, { state: 'accepted', at: '2026-09-30 11:00' }], { now: '2026-10-09 10:00' });
    expect(c.accept.status).toBe('met');
    expect(c.accept.remainingMinutes).toBe(0);
  });

  it('reads the history in time order whatever order it is given in', () => {
    const shuffled: RequestHistoryEntry[] = [
      { state: 'accepted', at: '2026-09-30 10:45' },
      { state: 'dispatched', at: '2026-09-30 10:00' },
      { state: 'received', at: '2026-09-30 09:00' },
    ];
    expect(computeRequestClocks('help', shuffled, { now: '2026-09-30 12:00' }).accept.status).toBe('met');
  });
});

describe('weekends, make-up workdays and kinds', () => {
  it('runs the accept clock into a make-up Saturday', () => {
    const c = computeRequestClocks('question', [{ state: 'received', at: '2026-10-09 16:50' }, { state: 'dispatched', at: '2026-10-09 17:00' }], { now: '2026-10-10 09:00' });
    expect(summary(c.accept)).toEqual({ status: 'running', due: '2026-10-10 09:30', remaining: 30, overdue: 0 });
    // Working days after Fri 10-09: Sat 10-10, Mon 10-12, Tue 10-13.
    expect(local(c.reply.dueAt)).toBe('2026-10-13 17:30');
  });

  it('gives an urgent request until close of business the same working day, and skips an ordinary Sunday', () => {
    const c = computeRequestClocks('urgent', [{ state: 'received', at: '2026-10-10 16:55' }, { state: 'dispatched', at: '2026-10-10 17:00' }], { now: '2026-10-10 17:10' });
    expect(summary(c.reply)).toEqual({ status: 'running', due: '2026-10-10 17:30', remaining: 20, overdue: 0 });
    // 30 minutes on Saturday, Sunday 10-11 is an ordinary day off, the rest on Monday.
    expect(local(c.accept.dueAt)).toBe('2026-10-12 09:30');
    expect(local(c.contact.dueAt)).toBe('2026-10-11 17:00');
  });

  it('gives a complaint 13 working days across 中秋 and 国庆', () => {
    const c = computeRequestClocks('complaint', [{ state: 'received', at: '2026-09-21 09:00' }, { state: 'dispatched', at: '2026-09-21 09:30' }], { now: '2026-09-21 10:00' });
    expect(local(c.reply.dueAt)).toBe('2026-10-15 17:30');
  });

  it('uses an office’s own policy', () => {
    const policy = slaPolicySchema.parse({ ...defaultSlaPolicy, complaint: { ...defaultSlaPolicy.complaint, reply: { unit: 'working_days', amount: 5 } } });
    const c = computeRequestClocks('complaint', [{ state: 'dispatched', at: '2026-09-30 10:00' }], { now: '2026-09-30 10:00', policy });
    // 10-08, 09, 10 (Sat), 12, 13.
    expect(local(c.reply.dueAt)).toBe('2026-10-13 17:30');
  });

  it('rejects a policy with fractional working days or a negative amount', () => {
    expect(slaPolicySchema.safeParse({ ...defaultSlaPolicy, help: { ...defaultSlaPolicy.help, reply: { unit: 'working_days', amount: 1.5 } } }).success).toBe(false);
    expect(slaPolicySchema.safeParse({ ...defaultSlaPolicy, help: { ...defaultSlaPolicy.help, accept: { unit: 'working_hours', amount: -1 } } }).success).toBe(false);
    expect(slaPolicySchema.safeParse(defaultSlaPolicy).success).toBe(true);
  });

  it('computes a due time per limit unit', () => {
    expect(toShanghaiIso(dueAt('2026-10-09 17:00', { unit: 'clock_hours', amount: 24 }))).toBe('2026-10-10T17:00:00+08:00');
    expect(toShanghaiIso(dueAt('2026-10-09 17:00', { unit: 'working_hours', amount: 1 }))).toBe('2026-10-10T09:30:00+08:00');
  });
});

describe('rounds: return, re-dispatch, reopen, direct answer, close', () => {
  it('restarts the clocks for the unit a returned request is re-dispatched to', () => {
    const history: RequestHistoryEntry[] = [
      { state: 'received', at: '2026-09-21 09:00' },
      { state: 'dispatched', at: '2026-09-21 09:30' },
      { state: 'returned', at: '2026-09-21 10:00' },
    ];
    const waiting = computeRequestClocks('help', history, { now: '2026-09-21 11:00' });
    expect(waiting.state).toBe('returned');
    expect([waiting.accept.status, waiting.contact.status, waiting.reply.status]).toEqual(['cancelled', 'cancelled', 'cancelled']);

    const redispatched = computeRequestClocks('help', [...history, { state: 'dispatched', at: '2026-09-21 14:00' }], { now: '2026-09-21 14:30' });
    expect(summary(redispatched.accept)).toEqual({ status: 'running', due: '2026-09-21 15:00', remaining: 30, overdue: 0 });
    expect(local(redispatched.reply.dueAt)).toBe('2026-09-24 17:30');
    // From registration (superseded by the first dispatch), first dispatch (returned), re-dispatch.
    expect(redispatched.replyRounds.map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'running']);
  });

  it('starts a new reply round when a follow-up reopens the request, and keeps the first reply as decisive', () => {
    const history: RequestHistoryEntry[] = [
      { state: 'received', at: '2026-09-30 09:00' },
      { state: 'dispatched', at: '2026-09-30 10:00' },
      { state: 'accepted', at: '2026-09-30 10:30' },
      { state: 'in_progress', at: '2026-09-30 11:00' },
      { state: 'replied', at: '2026-10-09 10:00' },
      { state: 'followed_up', at: '2026-10-09 15:00' },
      { state: 'in_progress', at: '2026-10-12 10:00' },
    ];
    const c = computeRequestClocks('help', history, { now: '2026-10-16 09:00' });
    // Redo round from Mon 10-12: 13, 14, 15 → due Thu 10-15 17:30. At Fri 09:00 it is past due, but
    // no working minute has passed since closing, so it is overdue by 0 working minutes.
    expect(summary(c.reply)).toEqual({ status: 'overdue', due: '2026-10-15 17:30', remaining: 0, overdue: 0 });
    const later = computeRequestClocks('help', history, { now: '2026-10-16 10:00' });
    expect(summary(later.reply)).toEqual({ status: 'overdue', due: '2026-10-15 17:30', remaining: -60, overdue: 60 });
    expect(c.replyRounds.map((r) => r.status)).toEqual(['cancelled', 'met', 'overdue']);
    expect(decisiveReplyClock(c)?.status).toBe('met');
    expect(c.accept.status).toBe('met');
  });

  it('times a question answered on the spot from registration, with no accept clock', () => {
    const c = computeRequestClocks('question', [{ state: 'received', at: '2026-10-08 09:00' }, { state: 'replied', at: '2026-10-08 09:20' }], { now: '2026-10-09 09:00' });
    expect(c.accept.status).toBe('not_started');
    expect(c.reply.status).toBe('met');
    // Working days after Thu 10-08: Fri 10-09, Sat 10-10 (调休), Mon 10-12.
    expect(local(c.reply.dueAt)).toBe('2026-10-12 17:30');
  });

  it('shows a request still waiting for dispatch as overdue for the office', () => {
    const c = computeRequestClocks('help', [{ state: 'received', at: '2026-09-30 09:00' }], { now: '2026-10-12 09:00' });
    expect(c.reply.status).toBe('overdue');
    expect(decisiveReplyClock(c)?.status).toBe('overdue');
  });

  it('cancels the running clocks when a request is closed without a reply', () => {
    const c = computeRequestClocks('help', [{ state: 'received', at: '2026-10-08 09:00' }, { state: 'closed', at: '2026-10-08 09:05' }], { now: '2026-11-01 09:00' });
    expect(c.reply.status).toBe('cancelled');
    expect(decisiveReplyClock(c)).toBeNull();
  });

  it('reports not started for an empty history', () => {
    const c = computeRequestClocks('help', [], { now: '2026-10-08 09:00' });
    expect(c.state).toBeNull();
    expect([c.accept.status, c.contact.status, c.reply.status]).toEqual(['not_started', 'not_started', 'not_started']);
  });
});
