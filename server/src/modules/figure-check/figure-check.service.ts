import { checkFigures, type FigureCheck, type LiveFigureKey } from '@tongxin/core';
import { extractFigures } from '@tongxin/core/articles/index';
import type { ActorContext } from '../../http/context.ts';
import * as briefings from '../briefings/briefings.service.ts';
import * as dashboard from '../dashboard/dashboard.service.ts';

/** Where the records behind each live figure are listed, for the division and period checked. */
function recordsLink(key: LiveFigureKey, divisionId: number, from: string, to: string): string {
  switch (key) {
    case 'activities':
      return `/activities?divisionId=${divisionId}&from=${from}&to=${to}`;
    case 'money_received':
      return `/campaigns?divisionId=${divisionId}`;
    default:
      return `/organisations?divisionId=${divisionId}`;
  }
}

/**
 * A briefing's figures (latest revision, every section) checked against the live figures of its
 * division and period, read through the dashboard service (the same numbers the dashboard shows).
 * Readable by whoever may read the briefing.
 */
export async function checkBriefing(ctx: ActorContext, id: number): Promise<{ briefingId: number; checks: Array<FigureCheck & { section: string; link: string }> }> {
  const briefing = await briefings.detail(ctx, id);
  const figures = await dashboard.figures(ctx, { divisionId: briefing.divisionId, from: briefing.from, to: briefing.to });
  const live: Record<LiveFigureKey, number> = {
    activities: figures.activities.total.current,
    member_organisations: figures.organisations.members.organisations,
    member_people: figures.organisations.members.people,
    // Money is written in yuan (万元, 亿元 normalise to yuan); records keep fen.
    money_received: figures.money.receivedFen.current / 100,
    organisations: figures.organisations.total,
  };
  const checks = briefing.sections.flatMap((section) =>
    checkFigures(extractFigures(section.text), live).map((check) => ({ ...check, section: section.key, link: recordsLink(check.key, briefing.divisionId, briefing.from, briefing.to) })),
  );
  return { briefingId: id, checks };
}
