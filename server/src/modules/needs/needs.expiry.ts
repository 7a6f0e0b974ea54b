import { dayKeyOf, localDayNumber } from '@tongxin/core/calendar/index';
import type { Db } from '../../db/database.ts';
import { insertAuditEntry } from '../audit/index.ts';
import { insertNeedEvents } from './needs.repo.ts';

/*
 * Auto-expiry of the claim route: a published need that nobody claimed is set to `expired` once its
 * wanted-by date is this many calendar days behind (Shanghai dates). The day after the date it is
 * flagged `past_due` and its office is told (the reminder job's escalation); the grace days leave
 * the office time to move the date or find a claimant before the need leaves the board. An expired
 * need can be republished with a new date. A portal wish still waiting for review is left alone:
 * it sits in its office's inbox, and expiring it unseen would hide it.
 */
export const expireAfterDaysPastDue = 3;

/**
 * Expire every open, published need whose wanted-by date plus the grace days is over at `now`.
 * Each need changes in its own transaction, guarded on `state = 'open'` and its version, so two
 * runs (or a person claiming it at the same moment) never expire it twice or over a claim. The
 * step is recorded as an `expire` event (the portal shows it as "expired") and audited as
 * `need.expire` by `system`.
 *
 * @returns the ids expired by this run
 *
 * @example
 * const ids = await expireOverdueNeeds(handle.db, new Date()); // run by the minute job
 */
export async function expireOverdueNeeds(db: Db, now: Date): Promise<number[]> {
  // wanted_by is a `YYYY-MM-DD` text on both engines, so the cut-off compares as text.
  const lastExpiredDay = dayKeyOf(localDayNumber(now.getTime()) - expireAfterDaysPastDue - 1);
  const candidates = await db
    .selectFrom('needs')
    .select(['id', 'version', 'division_id', 'wanted_by'])
    .where('state', '=', 'open')
    .where('published_at', 'is not', null)
    .where('wanted_by', 'is not', null)
    .where('wanted_by', '<=', lastExpiredDay)
    .orderBy('id')
    .execute();
  const at = now.toISOString();
  const expired: number[] = [];
  for (const need of candidates) {
    const done = await db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('needs')
        .set((eb) => ({ state: 'expired', updated_at: at, version: eb('version', '+', 1) }))
        .where('id', '=', need.id)
        .where('state', '=', 'open')
        .where('version', '=', need.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await insertNeedEvents(trx, [{ needId: need.id, at, actorId: null, actorName: null, action: 'expire', fromState: 'open', toState: 'expired', isPublic: false }]);
      await insertAuditEntry(trx, {
        at,
        actorId: null,
        actorName: 'system',
        action: 'need.expire',
        entity: 'need',
        entityId: need.id,
        divisionId: need.division_id,
        ip: null,
        requestId: 'need-expiry',
        detail: { from: 'open', to: 'expired', wantedBy: need.wanted_by, automatic: true },
      });
      return true;
    });
    if (done) expired.push(need.id);
  }
  return expired;
}
