import { dayKeyOf, dayNumberFromKey, dayStartMs, localDayNumber, toShanghaiIso } from '@tongxin/core/calendar/index';
import type { Db } from '../../db/database.ts';
import { handlersOfUnit } from '../../kernel/unit-handlers.repo.ts';
import { queueForUsers } from './outbox.queue.ts';
import { claimReminder, eventsStartingBetween, instalmentsDueBetween } from './outbox.reminders.repo.ts';

/*
 * Messages that fall due by the calendar rather than by someone's action: the reminder the day
 * before an event, and a pledge instalment coming due. Each is claimed in `reminder_claims` and
 * queued in the same transaction, so it goes out once whichever instance runs first; quiet hours
 * and the daily cap are the sender's business (a reminder claimed at 00:01 is sent at 08:00).
 */

/** Days ahead (Beijing calendar) an unpaid instalment is announced to the donor's handlers. */
export const pledgeNoticeDays = 3;

export interface MessageReminderRun {
  events: number;
  pledges: number;
}

const fen = (n: number) => (n / 100).toFixed(2).replace(/\.00$/, '');

/**
 * Queue the reminders due at `now`: to each registrant of an event starting tomorrow (Beijing
 * day), and to the handlers of a donor whose instalment falls due within `pledgeNoticeDays` and is
 * not yet covered by receipts. Returns how many reminders (events, instalments) were claimed.
 *
 * @example
 * const run = await runMessageReminders(handle.db, new Date()); // { events: 1, pledges: 0 }
 */
export async function runMessageReminders(db: Db, now: Date): Promise<MessageReminderRun> {
  const at = now.toISOString();
  const today = localDayNumber(now.getTime());
  const run: MessageReminderRun = { events: 0, pledges: 0 };

  const tomorrowFrom = new Date(dayStartMs(today + 1)).toISOString();
  const tomorrowTo = new Date(dayStartMs(today + 2)).toISOString();
  for (const event of await eventsStartingBetween(db, tomorrowFrom, tomorrowTo)) {
    if (!event.userIds.length) continue;
    const sent = await db.transaction().execute(async (trx) => {
      if (!(await claimReminder(trx, { entity: 'event', entityId: event.id, roundKey: event.starts_at, clock: 'start', kind: 'day_before' }, at))) return false;
      const params = { title: event.title, startsAt: toShanghaiIso(event.starts_at).slice(5, 16).replace('T', ' '), place: event.place ?? '' };
      await queueForUsers(trx, event.userIds, { event: 'event_reminder', entity: 'event', entityId: event.id, params, at });
      return true;
    });
    if (sent) run.events += 1;
  }

  const fromDay = dayKeyOf(today);
  const toDay = dayKeyOf(dayNumberFromKey(fromDay) + pledgeNoticeDays);
  for (const due of await instalmentsDueBetween(db, fromDay, toDay)) {
    // Paid up to and including this instalment: nothing to announce.
    if (due.received >= due.askedUpTo) continue;
    const sent = await db.transaction().execute(async (trx) => {
      if (!(await claimReminder(trx, { entity: 'pledge_instalment', entityId: due.id, roundKey: due.due_date, clock: 'due', kind: 'due_soon' }, at))) return false;
      const handlers = await handlersOfUnit(trx, { type: 'organisation', id: due.organisation_id });
      await queueForUsers(trx, handlers, { event: 'pledge_due', entity: 'campaign_pledge', entityId: due.pledge_id, params: { campaign: due.campaign, amount: fen(due.amount_fen), dueDate: due.due_date }, at });
      return true;
    });
    if (sent) run.pledges += 1;
  }
  return run;
}
