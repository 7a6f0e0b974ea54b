import { maskPhone, type PhoneReport } from '@tongxin/core';
import type { ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { phoneHashOf } from '../votes/votes.service.ts';
import { assertCanReportPhone, seesUnscopedHashes } from './privacy.policy.ts';
import { countVoteCodes, findPhoneHoldings } from './privacy.repo.ts';

/**
 * Every record of the administrator's subtree that stores the number, with the number masked in
 * the answer and in the audit entry (the log must not become a second copy of it).
 */
export async function phoneReport(ctx: ActorContext, phone: string): Promise<PhoneReport> {
  assertCanReportPhone(ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    const holdings = await findPhoneHoldings(trx, phone, ctx.actor.scopePath);
    const voteCodes = seesUnscopedHashes(ctx.actor) ? await countVoteCodes(trx, phoneHashOf(phone)) : null;
    const phoneMasked = maskPhone(phone) ?? '';
    await recordAudit(trx, ctx, {
      action: 'privacy.phone_report',
      entity: 'phone',
      entityId: null,
      divisionId: ctx.actor.divisionId,
      detail: { phone: phoneMasked, holdings: holdings.length, voteCodes },
    });
    return { phoneMasked, holdings, hashedOnly: { voteCodes }, retentionMonths: ctx.config.phoneRetentionMonths };
  });
}
