import type { Db } from '../../db/database.ts';
import { insertAuditEntry } from '../audit/index.ts';

/** Requests made by members of the public (not by an organisation on its own behalf). */
const publicChannels = ['portal', 'hotline', 'visit', 'other'];

/** The date `months` calendar months before `now` (UTC), as ISO text. */
export function cutoffBefore(now: Date, months: number): string {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff.toISOString();
}

/**
 * Retention: a closed public request keeps its submitter's phone number for `months` months after
 * closing, then the number is erased (the request, its history and figures stay). One audit entry
 * per request, in the same transaction as the erasure. Returns the ids cleared.
 *
 * @example
 * await purgeClosedRequestPhones(db, new Date(), 24) // [17, 42]
 */
export async function purgeClosedRequestPhones(db: Db, now: Date, months: number): Promise<number[]> {
  if (months <= 0) return [];
  const cutoff = cutoffBefore(now, months);
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('cases')
      .select(['id', 'division_id', 'closed_at'])
      .where('state', '=', 'closed')
      .where('closed_at', '<', cutoff)
      .where('submitter_phone', 'is not', null)
      .where('channel', 'in', publicChannels)
      .orderBy('id')
      .limit(1_000)
      .execute();
    if (!due.length) return [];
    const ids = due.map((row) => row.id);
    await trx.updateTable('cases').set({ submitter_phone: null }).where('id', 'in', ids).execute();
    const at = now.toISOString();
    for (const row of due) {
      await insertAuditEntry(trx, {
        at,
        actorId: null,
        actorName: 'retention',
        action: 'case.phone_erased',
        entity: 'case',
        entityId: row.id,
        divisionId: row.division_id,
        ip: null,
        requestId: null,
        detail: { closedAt: row.closed_at, retentionMonths: months },
      });
    }
    return ids;
  });
}
