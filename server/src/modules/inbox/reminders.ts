import { dueAfterWorkingDays } from '@tongxin/core/calendar/index';
import { needDateFlag, type ClaimState, type RequestClock } from '@tongxin/core/sla/index';
import type { Db, Executor } from '../../db/database.ts';
import { insertAuditEntry } from '../audit/index.ts';
import { clocksOfCases } from '../cases/case-clocks.ts';
import { casesInStates, handlersOfUnit, insertCaseEvents, officeStaffOf } from '../cases/index.ts';
import { insertDcEvents, openAssignments } from '../direct-channel/index.ts';
import { daysLeft } from '../direct-channel/dc.view.ts';
import { claimReminder, openNeedsWithDate } from './inbox.repo.ts';
import { notify, type NotifyInput } from './notify.ts';

/*
 * Reminders (催办) and escalations that fall due are sent once, whichever instance gets there
 * first: each is claimed by inserting a row keyed by (record, round, clock, kind) into
 * `reminder_claims`, in the same transaction as its notification and history line. A second
 * instance's insert finds the key taken and sends nothing.
 */

/** A case's reply clock this many working minutes overdue is escalated to its office (one working day). */
export const escalateAfterWorkingMinutes = 7 * 60;
/** An assignment this many working days past its deadline is escalated to the report's office. */
export const escalateAfterWorkingDays = 2;

/** A running reply clock with this many minutes (of its own measure) or fewer left is "about to be overdue". */
export const defaultDueSoonMinutes = 120;

export interface ReminderRun {
  reminders: number;
  escalations: number;
  /** "About to be overdue" notices (once per case and reply round). */
  dueSoon: number;
}

export interface ReminderOptions {
  /** The window before a case's reply deadline in which its handlers are warned (CASE_DUE_SOON_MINUTES). */
  dueSoonMinutes?: number;
}

interface Due {
  entity: 'case' | 'need' | 'dc_assignment';
  entityId: number;
  roundKey: string;
  clock: string;
  kind: 'due_soon' | 'reminder' | 'escalation';
  recipients: (db: Executor) => Promise<number[]>;
  notification: Omit<NotifyInput, 'recipients' | 'at' | 'kind'>;
  record: (db: Executor, at: string) => Promise<void>;
  divisionId: number;
}

/** Claim and send one due item in its own transaction; false when another run already did. */
async function fire(db: Db, due: Due, at: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await claimReminder(trx, due, at))) return false;
    await notify(trx, { ...due.notification, kind: due.kind, recipients: await due.recipients(trx), at });
    await due.record(trx, at);
    await insertAuditEntry(trx, {
      at,
      actorId: null,
      actorName: 'system',
      action: `${due.entity}.${due.kind === 'reminder' ? 'auto_remind' : due.kind === 'due_soon' ? 'due_soon' : 'escalate'}`,
      entity: due.entity,
      entityId: due.entityId,
      divisionId: due.divisionId,
      ip: null,
      requestId: 'reminders',
      detail: { clock: due.clock, round: due.roundKey },
    });
    return true;
  });
}

async function dueCases(db: Db, now: Date, dueSoonMinutes: number): Promise<Due[]> {
  const rows = await casesInStates(db, ['received', 'dispatched', 'accepted', 'in_progress']);
  const { clocks } = await clocksOfCases(db, rows, now);
  const out: Due[] = [];
  for (const row of rows) {
    const c = clocks.get(row.id)!;
    const lead = row.lead_unit_type && row.lead_unit_id !== null ? { type: row.lead_unit_type, id: row.lead_unit_id } : null;
    const atUnit = row.state !== 'received' && lead !== null;
    const params = { title: row.title, ticketNo: row.ticket_no };
    const make = (clock: RequestClock, kind: Due['kind'], recipients: Due['recipients']): Due => ({
      entity: 'case',
      entityId: row.id,
      roundKey: clock.startedAt ?? '',
      clock: clock.name,
      kind,
      recipients,
      notification: { entity: 'case', entityId: row.id, params: { ...params, clock: clock.name } },
      divisionId: row.division_id,
      // A warning before the deadline is not a step of the case: no history line for it.
      record: async (trx, at) => {
        if (kind === 'due_soon') return;
        await insertCaseEvents(trx, [{ caseId: row.id, at, actorId: null, actorName: null, action: kind === 'reminder' ? 'reminded' : 'escalated', unit: kind === 'reminder' && atUnit ? lead : null, detail: { clock: clock.name, automatic: true } }]);
      },
    });
    const toUnit = (trx: Executor) => (atUnit ? handlersOfUnit(trx, lead!) : officeStaffOf(trx, row.office_division_id));
    // Warned once per reply round (the claim's round key is when the clock started).
    if (c.reply.status === 'running' && c.reply.remainingMinutes !== null && c.reply.remainingMinutes > 0 && c.reply.remainingMinutes <= dueSoonMinutes) out.push(make(c.reply, 'due_soon', toUnit));
    for (const clock of [c.accept, c.contact, c.reply]) {
      if (clock.status === 'overdue') out.push(make(clock, 'reminder', toUnit));
    }
    const escalateAfter = c.reply.measure === 'working' ? escalateAfterWorkingMinutes : 24 * 60;
    if (c.reply.status === 'overdue' && c.reply.overdueMinutes >= escalateAfter) {
      out.push(make(c.reply, 'escalation', (trx) => officeStaffOf(trx, row.office_division_id)));
    }
  }
  return out;
}

async function dueNeeds(db: Db, now: Date): Promise<Due[]> {
  const rows = await openNeedsWithDate(db);
  return rows.flatMap((row): Due[] => {
    const flag = needDateFlag(row.state as ClaimState, row.wanted_by!, now);
    if (!flag) return [];
    const kind = flag === 'due_soon' ? 'reminder' : 'escalation';
    return [
      {
        entity: 'need',
        entityId: row.id,
        roundKey: row.wanted_by!,
        clock: 'date',
        kind,
        recipients: (trx) => officeStaffOf(trx, row.office_division_id),
        notification: { entity: 'need', entityId: row.id, params: { title: row.title, wantedBy: row.wanted_by! } },
        divisionId: row.division_id,
        record: async () => {},
      },
    ];
  });
}

async function dueAssignments(db: Db, now: Date): Promise<Due[]> {
  const rows = await openAssignments(db, {});
  return rows.flatMap((row): Due[] => {
    if (daysLeft(row.deadline, now) >= 0) return [];
    const unit = { type: row.unit_type, id: row.unit_id };
    const base = { entity: 'dc_assignment' as const, entityId: row.id, roundKey: row.deadline, clock: 'deadline', divisionId: row.report_division_id };
    const notification = { entity: 'report', entityId: row.report_id, params: { title: row.report_title, deadline: row.deadline } };
    const record = (action: string) => (trx: Executor, at: string) =>
      insertDcEvents(trx, [{ reportId: row.report_id, assignmentId: row.id, at, actorId: null, actorName: null, action, unit, note: null }]);
    const out: Due[] = [{ ...base, kind: 'reminder', recipients: (trx) => handlersOfUnit(trx, unit), notification, record: record('reminded') }];
    // Escalate once the deadline is this many working days behind (close of business of the N-th one).
    if (now.getTime() > dueAfterWorkingDays(row.deadline, escalateAfterWorkingDays).getTime()) {
      out.push({ ...base, kind: 'escalation', recipients: (trx) => officeStaffOf(trx, row.report_office_division_id), notification, record: record('escalated') });
    }
    return out;
  });
}

/**
 * Send every reminder and escalation due at `now`, each exactly once across runs and instances.
 * Called by the server's timer every minute, and directly by tests.
 *
 * @example
 * const { reminders, escalations } = await runDueReminders(db, new Date());
 */
export async function runDueReminders(db: Db, now: Date, options: ReminderOptions = {}): Promise<ReminderRun> {
  const due = [...(await dueCases(db, now, options.dueSoonMinutes ?? defaultDueSoonMinutes)), ...(await dueNeeds(db, now)), ...(await dueAssignments(db, now))];
  const at = now.toISOString();
  const run: ReminderRun = { reminders: 0, escalations: 0, dueSoon: 0 };
  for (const item of due) {
    if (await fire(db, item, at)) run[item.kind === 'reminder' ? 'reminders' : item.kind === 'due_soon' ? 'dueSoon' : 'escalations'] += 1;
  }
  return run;
}

