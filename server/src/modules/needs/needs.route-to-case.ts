import type { NeedRouteToCase } from '@tongxin/core';
import { nextClaimStates, type ClaimState } from '@tongxin/core/sla/index';
import { AppError, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { insertCase, insertCaseEvents } from '../cases/index.ts';
import { syncSearch } from '../search/search.sync.ts';
import { routable } from './needs.policy.ts';
import { insertNeedEvents, updateNeed } from './needs.repo.ts';
import { loadNeed } from './needs.service.ts';

/*
 * 转为派单办理: a portal wish that no organisation should claim (it needs a government unit, say)
 * leaves the claim route for the dispatch route. The case keeps the wish's ticket number, so the
 * resident's ticket goes on working on the portal (cases and needs each keep ticket numbers
 * unique; tracking looks at cases first and shows the wish's earlier public steps before the
 * case's). The need ends as `withdrawn` through its own history action `route_to_case`, which the
 * portal does not show as "withdrawn".
 */

/**
 * Route a need to dispatch: the case (category `wish`, time limits of a help request), the need's
 * end, both histories and both audit entries share one transaction. 403 outside the community
 * side, 409 once claimed or closed (with the need's next states) or on a stale version.
 *
 * @example
 * const { caseId } = await routeToCase(ctx, 7, { note: '需要街道城管科处理', version: 1 });
 */
export async function routeToCase(ctx: ActorContext, id: number, input: NeedRouteToCase): Promise<{ caseId: number; ticketNo: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadNeed(ctx, trx, id, 'community');
    if (!routable(row)) throw new AppError('invalid_transition', { details: { from: row.state, to: 'withdrawn', allowed: nextClaimStates(row.state as ClaimState) } });
    if (row.version !== input.version) throw versionConflict('need');
    const at = nowIso(ctx);
    const note = input.note?.trim() || null;
    if (!(await updateNeed(trx, id, input.version, { state: 'withdrawn' }, at))) throw versionConflict('need');
    const ticketNo = row.ticket_no!;
    const caseId = await insertCase(
      trx,
      {
        ticketNo,
        divisionId: row.division_id,
        officeDivisionId: row.office_division_id,
        kind: 'help',
        category: 'wish',
        channel: 'portal',
        title: row.title,
        content: row.description?.trim() || row.title,
        submitterName: row.submitter_name,
        submitterPhone: row.submitter_phone,
        submitterOrganisationId: null,
        // The dispatch clocks start now: the claim route had the wish until this moment.
        receivedAt: at,
        createdBy: ctx.actor.userId,
      },
      at,
    );
    const actor = { at, actorId: ctx.actor.userId, actorName: ctx.actor.displayName, note };
    await insertNeedEvents(trx, [{ needId: id, ...actor, action: 'route_to_case', fromState: row.state, toState: 'withdrawn' }]);
    await insertCaseEvents(trx, [{ caseId, ...actor, action: 'register_from_need', toState: 'received', detail: { needId: id } }]);
    await recordAudit(trx, ctx, { action: 'need.route_to_case', entity: 'need', entityId: id, divisionId: row.division_id, detail: { caseId, ticketNo } });
    await recordAudit(trx, ctx, { action: 'case.create', entity: 'case', entityId: caseId, divisionId: row.division_id, detail: { title: row.title, channel: 'portal', fromNeedId: id } });
    await syncSearch(trx, 'need', [id]);
    await syncSearch(trx, 'case', [caseId]);
    return { caseId, ticketNo };
  });
}
