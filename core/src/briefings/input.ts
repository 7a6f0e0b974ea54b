/**
 * What a briefing's text is written from: the figures of one division subtree over one period,
 * already computed (by the dashboard's queries). The briefing generator reads only this shape, so it
 * stays a pure function that a test can feed hand-made figures; `fromDashboard.ts` maps the
 * dashboard's figures onto it.
 *
 * Stock figures (organisations, venues, open projects) are "as of" the period's end; flow figures
 * (activities, requests, money received, articles) count what happened within the period.
 */

/** One bar of a breakdown: a code (`chamber`, `national`, `visit`) or a name, and its count. */
export interface CountOf {
  key: string;
  count: number;
}

/** A figure this period beside the previous period and the same period a year before. */
export interface Compared {
  current: number;
  previous?: number | null;
  yearAgo?: number | null;
}

export interface BriefingInput {
  divisionName: string;
  /** Inclusive Shanghai dates, `YYYY-MM-DD`. */
  from: string;
  to: string;
  organisations: {
    total: number;
    byType: CountOf[];
    /** Member organisations (会员单位) and, among them, council members (理事单位). */
    memberOrganisations: number;
    councilOrganisations: number;
    memberPeople: number;
  };
  venues: {
    total: number;
    byLevel: CountOf[];
    /** `1`…`5`; unrated venues are left out. */
    byStars: CountOf[];
    publicCount: number;
  };
  projects: {
    total: number;
    byStatus: CountOf[];
    overdueProjects: number;
    overdueMilestones: number;
  };
  activities: {
    total: Compared;
    participants: number;
    byKind: CountOf[];
  };
  pairings: {
    programmes: Array<{ name: string; paired: number; target: number | null }>;
  };
  requests: {
    needsPosted: number;
    needsClaimed: number;
    needsFulfilled: number;
    casesReceived: Compared;
    /** Fractions 0…1, null when nothing to divide by. */
    responseRate: number | null;
    solveRate: number | null;
    satisfactionRate: number | null;
    overdueCases: number;
  };
  money: {
    campaigns: number;
    pledgedFen: number;
    receivedFen: number;
    leads: number;
    signedLeads: number;
    contractFen: number;
    talents: number;
  };
  publicity: {
    total: Compared;
    byLevel: CountOf[];
  };
}
