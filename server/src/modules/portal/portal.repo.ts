import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { containsText } from '../../db/text-match.ts';

/*
 * The portal's queries: its own guards (signing key, used challenges, idempotency keys) and the
 * public's view of the tickets it took in — a case or a need found by ticket number, with the
 * steps the public may see. What a resident may see stays decided in portal.track.ts.
 */

/** Creates the portal's HMAC key unless another instance already did, and reads the one stored. */
export async function ensurePortalSecret(db: Executor, fresh: string, at: string): Promise<string> {
  await db.insertInto('app_secrets').values({ name: 'portal_hmac', value: fresh, created_at: at }).onConflict((oc) => oc.column('name').doNothing()).execute();
  const row = await db.selectFrom('app_secrets').select('value').where('name', '=', 'portal_hmac').executeTakeFirstOrThrow();
  return row.value;
}

/** Marks a challenge used; false when it already was. */
export async function markChallengeUsed(db: Executor, nonce: string, at: string): Promise<boolean> {
  const inserted = await db.insertInto('portal_used_challenges').values({ nonce, at }).onConflict((oc) => oc.column('nonce').doNothing()).returning('nonce').executeTakeFirst();
  return inserted !== undefined;
}

export async function findSubmission(db: Executor, idempotencyKey: string) {
  return db.selectFrom('portal_submissions').selectAll().where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
}

/** Takes an idempotency key for a ticket; false when a concurrent twin already took it. */
export async function claimSubmissionKey(db: Executor, values: { key: string; phoneHash: string; ticketNo: string }, at: string): Promise<boolean> {
  const claimed = await db
    .insertInto('portal_submissions')
    .values({ idempotency_key: values.key, phone_hash: values.phoneHash, ticket_no: values.ticketNo, created_at: at })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('ticket_no')
    .executeTakeFirst();
  return claimed !== undefined;
}

/** The category and time of the record a ticket became: a case, else a need (a wish). */
export async function ticketReceipt(db: Executor, ticketNo: string): Promise<{ category: string; created_at: string } | undefined> {
  return (
    (await db.selectFrom('cases').select(['category', 'created_at']).where('ticket_no', '=', ticketNo).executeTakeFirst()) ??
    (await db.selectFrom('needs').select(['created_at']).where('ticket_no', '=', ticketNo).executeTakeFirst().then((n) => n && { category: 'wish', created_at: n.created_at }))
  );
}

/** Divisions for the portal's picker (roots, a division's children, or a name search), each with its child count. */
export async function pickerDivisions(db: Executor, query: { parentId?: number | undefined; q?: string | undefined }) {
  const hasChildren = sql<number>`(select count(*) from divisions k where k.parent_id = d.id)`;
  let base = db.selectFrom('divisions as d').select(['d.id', 'd.name', 'd.level', 'd.path', hasChildren.as('children')]);
  if (query.q) base = base.where(containsText('d.name', query.q)).orderBy('d.depth', 'desc').orderBy('d.name').limit(20);
  else if (query.parentId !== undefined) base = base.where('d.parent_id', '=', query.parentId).orderBy('d.name');
  else base = base.where('d.parent_id', 'is', null).orderBy('d.name');
  return base.execute();
}

/** A portal ticket by number: the case, else the need, with when it was submitted and the phone it gave. */
export async function findPortalTicket(db: Executor, ticketNo: string) {
  const found = await db.selectFrom('cases').select(['id', 'received_at as submitted_at', 'submitter_phone']).where('ticket_no', '=', ticketNo).where('channel', '=', 'portal').executeTakeFirst();
  if (found) return { ownerType: 'case' as const, ...found };
  const need = await db.selectFrom('needs').select(['id', 'created_at as submitted_at', 'submitter_phone']).where('ticket_no', '=', ticketNo).where('channel', '=', 'portal').executeTakeFirst();
  return need && { ownerType: 'need' as const, ...need };
}

/** Photos the portal has stored for a record, detached ones included. */
export async function portalPhotoCount(db: Executor, target: { ownerType: 'case' | 'need'; ownerId: number }): Promise<number> {
  const row = await db
    .selectFrom('attachments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_type', '=', target.ownerType)
    .where('owner_id', '=', target.ownerId)
    .where('uploaded_by', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A no-op update that locks the record's row (PostgreSQL) until the transaction ends. */
export async function lockTicketRow(db: Executor, target: { ownerType: 'case' | 'need'; ownerId: number }): Promise<void> {
  const table = target.ownerType === 'case' ? 'cases' : 'needs';
  await sql`update ${sql.table(table)} set id = id where id = ${target.ownerId}`.execute(db);
}

/** The post and publish steps of the need a routed case began as. */
export async function routedNeedEvents(db: Executor, ticketNo: string) {
  return db
    .selectFrom('need_events as e')
    .innerJoin('needs as n', 'n.id', 'e.need_id')
    .select(['e.action', 'e.at', 'e.note', 'e.is_public'])
    .where('n.ticket_no', '=', ticketNo)
    .where('e.action', 'in', ['post', 'publish'])
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

export async function trackedCase(db: Executor, ticketNo: string) {
  return db
    .selectFrom('cases as c')
    .innerJoin('divisions as d', 'd.id', 'c.division_id')
    .select(['c.id', 'c.category', 'c.title', 'c.state', 'c.reply', 'c.received_at', 'c.submitter_phone', 'd.name as division_name'])
    .where('c.ticket_no', '=', ticketNo)
    .executeTakeFirst();
}

export async function caseEventsOfActions(db: Executor, caseId: number, actions: string[]) {
  return db
    .selectFrom('case_events')
    .select(['action', 'at', 'note', 'is_public', 'unit_type', 'unit_id'])
    .where('case_id', '=', caseId)
    .where('action', 'in', actions)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function trackedNeed(db: Executor, ticketNo: string) {
  return db
    .selectFrom('needs as n')
    .innerJoin('divisions as d', 'd.id', 'n.division_id')
    .select(['n.id', 'n.title', 'n.state', 'n.published_at', 'n.created_at', 'n.submitter_phone', 'd.name as division_name'])
    .where('n.ticket_no', '=', ticketNo)
    .executeTakeFirst();
}

export async function needEventsOfActions(db: Executor, needId: number, actions: string[]) {
  return db
    .selectFrom('need_events as e')
    .leftJoin('organisations as o', 'o.id', 'e.organisation_id')
    .select(['e.action', 'e.at', 'e.note', 'e.is_public', 'o.name as organisation_name'])
    .where('e.need_id', '=', needId)
    .where('e.action', 'in', actions)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}
