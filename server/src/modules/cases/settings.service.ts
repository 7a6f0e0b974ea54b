import { isAdmin, type RequestSettingsPut } from '@tongxin/core';
import { AppError, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { divisionInReach } from '../../kernel/scope.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findDivision } from '../divisions/index.ts';
import { divisionPaths, effectiveSettings, insertSettings, ownSettings, updateSettings } from './settings.repo.ts';


/** The division's own settings row and what applies there after inheritance. */
export async function view(ctx: ActorContext, divisionId: number) {
  // Everyone may read the rules that apply to their own office, which may be set above it.
  await divisionInReach(ctx.db, ctx.actor, divisionId, 'query.divisionId', { ownDivision: true });
  const effective = (await effectiveSettings(ctx.db, await divisionPaths(ctx.db, [divisionId]))).get(divisionId)!;
  return {
    own: await ownSettings(ctx.db, divisionId),
    effective: {
      slaPolicy: effective.policy,
      kpiSettings: effective.kpi,
      calendarName: effective.calendar.name,
      officeHours: effective.officeHours,
      fromDivisionId: effective.fromDivisionId,
    },
  };
}

/** Create or replace a division's settings (administrators of its subtree); audited. */
export async function put(ctx: ActorContext, input: RequestSettingsPut) {
  await ctx.db.transaction().execute(async (trx) => {
    await divisionInReach(trx, ctx.actor, input.divisionId, 'body.divisionId');
    if (!isAdmin(ctx.actor)) throw new AppError('forbidden');
    const values = {
      slaPolicy: input.slaPolicy,
      kpiSettings: input.kpiSettings,
      holidayCalendar: input.holidayCalendar ?? null,
      officeHours: input.officeHours ?? null,
    };
    const at = nowIso(ctx);
    const existing = await ownSettings(trx, input.divisionId);
    if (existing === null) {
      if (input.version !== undefined) throw versionConflict('request_settings');
      await insertSettings(trx, input.divisionId, values, at);
    } else if (input.version === undefined || !(await updateSettings(trx, input.divisionId, input.version, values, at))) {
      throw versionConflict('request_settings');
    }
    await recordAudit(trx, ctx, {
      action: 'request_settings.put',
      entity: 'request_settings',
      entityId: input.divisionId,
      divisionId: input.divisionId,
      detail: { parts: Object.entries(values).filter(([, v]) => v !== null).map(([k]) => k) },
    });
  });
  return view(ctx, input.divisionId);
}
