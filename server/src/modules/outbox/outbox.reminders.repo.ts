import type { Executor } from '../../db/database.ts';

/*
 * Queries of the message reminders (outbox.reminders.ts): what falls due, and the claim that makes
 * each reminder go out once across runs and instances (`reminder_claims`, unique per key).
 */

/** Events (not archived) starting in [from, to), with the users holding a place. */
export async function eventsStartingBetween(db: Executor, from: string, to: string) {
  const events = await db
    .selectFrom('events as e')
    .innerJoin('activities as a', 'a.id', 'e.activity_id')
    .select(['e.id', 'e.starts_at', 'e.place', 'e.division_id', 'a.title'])
    .where('a.archived_at', 'is', null)
    .where('e.starts_at', '>=', from)
    .where('e.starts_at', '<', to)
    .orderBy('e.id')
    .execute();
  if (!events.length) return [];
  const regs = await db
    .selectFrom('event_registrations')
    .select(['event_id', 'user_id'])
    .where('event_id', 'in', events.map((e) => e.id))
    .where('status', '=', 'registered')
    .execute();
  return events.map((e) => ({ ...e, userIds: regs.filter((r) => r.event_id === e.id).map((r) => r.user_id) }));
}

/**
 * Instalments of live pledges (campaign not archived, pledge not cancelled) due in [fromDay, toDay],
 * with what the pledge's whole schedule asks up to that instalment and what was received on it.
 */
export async function instalmentsDueBetween(db: Executor, fromDay: string, toDay: string) {
  const due = await db
    .selectFrom('pledge_instalments as i')
    .innerJoin('campaign_pledges as p', 'p.id', 'i.pledge_id')
    .innerJoin('campaigns as c', 'c.id', 'p.campaign_id')
    .select(['i.id', 'i.pledge_id', 'i.due_date', 'i.amount_fen', 'p.organisation_id', 'c.title as campaign', 'c.division_id'])
    .where('c.archived_at', 'is', null)
    .where('p.cancelled_at', 'is', null)
    .where('i.due_date', '>=', fromDay)
    .where('i.due_date', '<=', toDay)
    .orderBy('i.id')
    .execute();
  if (!due.length) return [];
  const pledgeIds = [...new Set(due.map((d) => d.pledge_id))];
  const schedule = await db.selectFrom('pledge_instalments').select(['id', 'pledge_id', 'due_date', 'amount_fen']).where('pledge_id', 'in', pledgeIds).orderBy('due_date').orderBy('id').execute();
  const receipts = await db
    .selectFrom('campaign_receipts')
    .select(['pledge_id', 'amount_fen'])
    .where('pledge_id', 'in', pledgeIds)
    .where('voided_at', 'is', null)
    .execute();
  return due.map((d) => {
    let askedUpTo = 0;
    for (const s of schedule.filter((s) => s.pledge_id === d.pledge_id)) {
      askedUpTo += Number(s.amount_fen);
      if (s.id === d.id) break;
    }
    const received = receipts.filter((r) => r.pledge_id === d.pledge_id).reduce((sum, r) => sum + Number(r.amount_fen), 0);
    return { ...d, amount_fen: Number(d.amount_fen), askedUpTo, received };
  });
}

/** Claim a reminder by its key; false when another run already sent it. */
export async function claimReminder(db: Executor, key: { entity: string; entityId: number; roundKey: string; clock: string; kind: string }, at: string): Promise<boolean> {
  const row = await db
    .insertInto('reminder_claims')
    .values({ entity: key.entity, entity_id: key.entityId, round_key: key.roundKey, clock: key.clock, kind: key.kind, at })
    .onConflict((oc) => oc.columns(['entity', 'entity_id', 'round_key', 'clock', 'kind']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
