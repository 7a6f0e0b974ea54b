import { z } from 'zod';
import { activityKinds } from './activities.ts';
import { divisionLevels } from './divisions.ts';
import { leadStages } from './leads.ts';
import { membershipRoles, organisationTypes } from './organisations.ts';
import { pairingKinds } from './pairings.ts';
import { projectStatuses } from './projects.ts';
import { mediaLevels } from './publicity.ts';
import { claimStates } from './sla/claim-states.ts';
import { venueLevels } from './venues.ts';

/*
 * The dashboard (数据驾驶舱): every figure of a division subtree for a period, computed from the
 * records (through maintained rollups, see server/src/modules/dashboard/README.md), with the same
 * figures for the period before and the same period a year earlier, and a per-child breakdown.
 *
 * Two kinds of figure:
 * - stock (as of now): organisations, members, venues, projects, pairing coverage, needs by state,
 *   leads by stage. They carry a plain number.
 * - flow (within the period): activities, cases, money received, leads signed, talents, articles.
 *   Their headline numbers carry a `Compared` triple.
 * Periods are Shanghai dates, both ends inclusive.
 */

const ymd = z.iso.date();

export const dashboardQuerySchema = z
  .object({
    /** A division of the reader's subtree (default: the reader's own division). */
    divisionId: z.coerce.number().int().positive().optional(),
    from: ymd,
    to: ymd,
  })
  .superRefine((value, ctx) => {
    if (value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.end_before_start' });
  });
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

export const periodSchema = z.object({ from: z.string(), to: z.string() });
export type DashboardPeriod = z.infer<typeof periodSchema>;

/** A flow figure in the period, the period of the same length just before, and the same period last year. */
export const comparedSchema = z.object({ current: z.number(), previous: z.number(), lastYear: z.number() });
export type Compared = z.infer<typeof comparedSchema>;
/** A rate (0–1) the same way; null where the denominator is 0 (shown as "—", never 0 %). */
export const comparedRateSchema = z.object({ current: z.number().nullable(), previous: z.number().nullable(), lastYear: z.number().nullable() });
export type ComparedRate = z.infer<typeof comparedRateSchema>;

/** One bar or slice: `key` is the enum value (organisation type, venue level, '1'…'5' or 'none' stars …). */
const countOf = <K extends z.ZodType>(key: K) => z.array(z.object({ key, count: z.number() }));

export const dashboardDivisionSchema = z.object({ id: z.number().int(), name: z.string(), level: z.enum(divisionLevels), path: z.string() });

export const caseRankingRowSchema = z.object({
  /** `organisation:12`, `division:7`: the lead unit of the last dispatch. */
  key: z.string(),
  type: z.enum(['organisation', 'division']),
  id: z.number().int(),
  name: z.string(),
  received: z.number().int(),
  responseRate: z.number().nullable(),
  solveRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
  /** 0–100, weighted as the cases module's KPI settings say (default 30/35/35). */
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
});

export const dashboardFiguresSchema = z.object({
  organisations: z.object({
    total: z.number().int(),
    byType: countOf(z.enum(organisationTypes)),
    /** Current memberships (until empty or not before today) of live organisations. */
    members: z.object({
      total: z.number().int(),
      /** Member organisations (firms, units) and member people, counted apart: never added up in a text. */
      organisations: z.number().int(),
      people: z.number().int(),
      byRole: countOf(z.enum(membershipRoles)),
      /** By the type of the organisation they are members of. */
      byOrganisationType: countOf(z.enum(organisationTypes)),
    }),
  }),
  venues: z.object({
    total: z.number().int(),
    byLevel: countOf(z.enum(venueLevels)),
    byStars: countOf(z.enum(['1', '2', '3', '4', '5', 'none'])),
  }),
  projects: z.object({
    total: z.number().int(),
    byStatus: countOf(z.enum(projectStatuses)),
    /** Live projects with at least one open milestone due before today. */
    overdueProjects: z.number().int(),
    overdueMilestones: z.number().int(),
  }),
  activities: z.object({
    total: comparedSchema,
    participants: comparedSchema,
    byKind: countOf(z.enum(activityKinds)),
    /** Every month the period touches, in order, with a count per kind (kinds with 0 omitted). */
    byMonth: z.array(z.object({ month: z.string(), total: z.number(), byKind: z.record(z.string(), z.number()) })),
  }),
  pairings: z.object({
    programmes: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        kind: z.enum(pairingKinds),
        deadline: z.string(),
        paired: z.number().int(),
        shouldBePaired: z.number().int(),
        ratio: z.number(),
      }),
    ),
  }),
  needs: z.object({
    /** Needs of the subtree now, by state (stock; the needs list has no date filter). */
    total: z.number().int(),
    byState: countOf(z.enum(claimStates)),
  }),
  cases: z.object({
    received: comparedSchema,
    repliedOnTime: comparedSchema,
    responseRate: comparedRateSchema,
    assessed: comparedSchema,
    solved: comparedSchema,
    solveRate: comparedRateSchema,
    followedUp: comparedSchema,
    satisfiedCount: comparedSchema,
    satisfactionRate: comparedRateSchema,
    /** Lead units of the cases received in the period, best score first. */
    ranking: z.array(caseRankingRowSchema),
  }),
  competitions: z.object({
    /** Live competitions of the subtree whose year is in the period (or, without a year, created in it). */
    total: z.number().int(),
    entries: z.number().int(),
    /** Entries named in published awards. */
    awarded: z.number().int(),
  }),
  money: z.object({
    /** Receipts (到账, not voided) dated in the period, of campaigns of the subtree. */
    receivedFen: comparedSchema,
    /** Pledges (认捐, not cancelled) dated in the period. */
    pledgedFen: comparedSchema,
    /** Live campaigns of the subtree running at some point of the period, and their targets. */
    campaigns: z.number().int(),
    targetFen: z.number().int(),
  }),
  investment: z.object({
    byStage: countOf(z.enum(leadStages)),
    /** Leads signed in the period and their contract amounts. */
    signed: comparedSchema,
    contractFen: comparedSchema,
    /** Talents introduced (sum of intake counts) in the period. */
    talents: comparedSchema,
  }),
  publicity: z.object({
    /** Live articles of the subtree published in the period. */
    articles: comparedSchema,
    /** By the article's media level; 'unknown' where none was recognised. */
    byLevel: countOf(z.enum([...mediaLevels, 'unknown'])),
  }),
});
export type DashboardFigures = z.infer<typeof dashboardFiguresSchema>;

export const dashboardSchema = dashboardFiguresSchema.extend({
  /** Null only for a reader with the whole tree (system admin) who named no division: all roots. */
  division: dashboardDivisionSchema.nullable(),
  period: periodSchema,
  previousPeriod: periodSchema,
  lastYearPeriod: periodSchema,
  /** Shanghai date against which "now" figures (overdue, current memberships) were judged. */
  today: z.string(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** Headline figures per child division (e.g. the 11 towns of a district), for the sortable table. */
export const breakdownRowSchema = z.object({
  division: dashboardDivisionSchema,
  organisations: z.number().int(),
  members: z.number().int(),
  venues: z.number().int(),
  projects: z.number().int(),
  overdueProjects: z.number().int(),
  activities: z.number().int(),
  participants: z.number().int(),
  needs: z.number().int(),
  casesReceived: z.number().int(),
  responseRate: z.number().nullable(),
  solveRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
  receivedFen: z.number().int(),
  leadsSigned: z.number().int(),
  contractFen: z.number().int(),
  articles: z.number().int(),
});
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;

export const dashboardBreakdownSchema = z.object({
  /** Null for the whole tree: the rows are then the top-level divisions. */
  division: dashboardDivisionSchema.nullable(),
  period: periodSchema,
  today: z.string(),
  /** One row per child division; records attached to the division itself count only in the dashboard totals. */
  rows: z.array(breakdownRowSchema),
});
export type DashboardBreakdown = z.infer<typeof dashboardBreakdownSchema>;

function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function shiftYear(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The periods a dashboard compares with: the same number of days just before, and the same dates
 * a year earlier (29 February → 28 February).
 *
 * @example
 * comparisonPeriods('2026-10-01', '2026-10-31')
 * // → { previous: { from: '2026-08-31', to: '2026-09-30' }, lastYear: { from: '2025-10-01', to: '2025-10-31' } }
 */
export function comparisonPeriods(from: string, to: string): { previous: DashboardPeriod; lastYear: DashboardPeriod } {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  return {
    previous: { from: shiftDays(from, -days), to: shiftDays(from, -1) },
    lastYear: { from: shiftYear(from, -1), to: shiftYear(to, -1) },
  };
}

/** The day before a `YYYY-MM-DD` date. */
export function dayBefore(date: string): string {
  return shiftDays(date, -1);
}
