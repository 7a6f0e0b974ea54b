import { z } from 'zod';
import { ymdDateSchema } from './organisations.ts';
import { pageQuerySchema, pageSchema } from './paging.ts';

/**
 * Projects (项目清单) move `planned → active → done → reviewed`, one step at a time. A project is
 * only done when every milestone is completed (the loop is closed), and only a reviewer or an
 * administrator marks it reviewed.
 */
export const projectStatuses = ['planned', 'active', 'done', 'reviewed'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

const transitions: Record<ProjectStatus, readonly ProjectStatus[]> = {
  planned: ['active'],
  active: ['done'],
  done: ['reviewed'],
  reviewed: [],
};

/**
 * The statuses a project may move to next.
 *
 * @example
 * nextProjectStatuses('active') // ["done"]
 */
export function nextProjectStatuses(status: ProjectStatus): readonly ProjectStatus[] {
  return transitions[status];
}

/**
 * A milestone is overdue when it is not completed and its due date lies before today in
 * Asia/Shanghai (a milestone due today is not yet overdue).
 *
 * @example
 * isMilestoneOverdue({ dueDate: '2026-11-24', completedAt: null }, '2026-11-25') // true
 */
export function isMilestoneOverdue(milestone: { dueDate: string; completedAt: string | null }, today: string): boolean {
  return milestone.completedAt === null && milestone.dueDate < today;
}

/**
 * The date `months` calendar months before `date` (both `YYYY-MM-DD`), clamped to the month's
 * last day: "the last quarter" of 2026-05-31 starts on 2026-02-28.
 *
 * @example
 * monthsBefore('2026-11-25', 3) // "2026-08-25"
 */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/**
 * Whole days from `from` to `to` (`YYYY-MM-DD`), negative when `to` is earlier.
 *
 * @example
 * daysBetween('2026-11-25', '2026-12-31') // 36
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A reference to another record, with its name for display. */
export const workRefSchema = z.object({ id: z.number().int(), name: z.string() });
export type WorkRef = z.infer<typeof workRefSchema>;

const id = z.number().int().positive();
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const projectSchema = z.object({
  id: z.number().int(),
  divisionId: z.number().int(),
  divisionName: z.string(),
  title: z.string(),
  goal: z.string().nullable(),
  status: z.enum(projectStatuses),
  responsibleOrganisation: workRefSchema.nullable(),
  responsiblePerson: workRefSchema.nullable(),
  brand: workRefSchema.nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  milestoneCount: z.number().int(),
  completedCount: z.number().int(),
  /** Milestones not completed whose due date is before today (Asia/Shanghai). */
  overdueCount: z.number().int(),
  overdue: z.boolean(),
  archived: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Project = z.infer<typeof projectSchema>;

export const attachmentSummarySchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  url: z.string(),
  createdAt: z.string(),
});
export type AttachmentSummary = z.infer<typeof attachmentSummarySchema>;

export const milestoneSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  title: z.string(),
  dueDate: z.string(),
  completedAt: z.string().nullable(),
  completedBy: workRefSchema.nullable(),
  evidence: z.string().nullable(),
  overdue: z.boolean(),
  /** Completed with neither evidence text nor an attachment. */
  unevidenced: z.boolean(),
  attachments: z.array(attachmentSummarySchema),
  version: z.number().int(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const statusChangeSchema = z.object({
  id: z.number().int(),
  fromStatus: z.enum(projectStatuses).nullable(),
  toStatus: z.enum(projectStatuses),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
  note: z.string().nullable(),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const projectDetailSchema = projectSchema.extend({
  milestones: z.array(milestoneSchema),
  history: z.array(statusChangeSchema),
  nextStatuses: z.array(z.enum(projectStatuses)),
  today: z.string(),
  allowed: z.array(z.string()),
});
export type ProjectDetail = z.infer<typeof projectDetailSchema>;

const milestoneInput = z.object({ title: z.string().trim().min(1).max(100), dueDate: ymdDateSchema });

const projectFields = {
  divisionId: id,
  title: z.string().trim().min(1).max(100),
  goal: optionalText(2000),
  responsibleOrganisationId: id.nullable().optional(),
  responsiblePersonId: id.nullable().optional(),
  brandId: id.nullable().optional(),
  startDate: ymdDateSchema.nullable().optional(),
  endDate: ymdDateSchema.nullable().optional(),
};

function endNotBeforeStart(value: { startDate?: string | null | undefined; endDate?: string | null | undefined }, ctx: z.RefinementCtx) {
  if (value.startDate && value.endDate && value.endDate < value.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'validation.end_before_start' });
  }
}

export const projectCreateSchema = z
  .strictObject({ ...projectFields, milestones: z.array(milestoneInput).max(50).optional() })
  .superRefine(endNotBeforeStart);
export type ProjectCreate = z.infer<typeof projectCreateSchema>;

export const projectUpdateSchema = z
  .strictObject({
    title: projectFields.title.optional(),
    goal: projectFields.goal,
    responsibleOrganisationId: projectFields.responsibleOrganisationId,
    responsiblePersonId: projectFields.responsiblePersonId,
    brandId: projectFields.brandId,
    startDate: projectFields.startDate,
    endDate: projectFields.endDate,
    version: id,
  })
  .superRefine(endNotBeforeStart);
export type ProjectUpdate = z.infer<typeof projectUpdateSchema>;

export const projectTransitionSchema = z.strictObject({
  to: z.enum(projectStatuses),
  note: optionalText(500),
  version: id,
});
export type ProjectTransition = z.infer<typeof projectTransitionSchema>;

export const milestoneCreateSchema = z.strictObject(milestoneInput.shape);
export type MilestoneCreate = z.infer<typeof milestoneCreateSchema>;

export const milestoneUpdateSchema = z.strictObject({
  title: milestoneInput.shape.title.optional(),
  dueDate: ymdDateSchema.optional(),
  /** true completes the milestone now; false reopens it. */
  completed: z.boolean().optional(),
  evidence: optionalText(2000),
  version: id,
});
export type MilestoneUpdate = z.infer<typeof milestoneUpdateSchema>;

export const projectListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(60).optional(),
  status: z.enum(projectStatuses).optional(),
  divisionId: z.coerce.number().int().positive().optional(),
  organisationId: z.coerce.number().int().positive().optional(),
  brandId: z.coerce.number().int().positive().optional(),
  overdue: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  archived: z.enum(['false', 'true', 'all']).default('false'),
});
export type ProjectListQuery = z.infer<typeof projectListQuerySchema>;

/**
 * 责任闭环: one row per project of the subtree — every project, not only the troubled ones, so a
 * unit finds its own — with the loop's stages (status planned → active → done → reviewed, and the
 * milestones: done of total, overdue, done without evidence). Problem rows (an overdue or
 * unevidenced milestone) come first.
 */
export const closedLoopRowSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  status: z.enum(projectStatuses),
  divisionName: z.string(),
  organisation: workRefSchema.nullable(),
  milestones: z.number().int(),
  completedMilestones: z.number().int(),
  overdueMilestones: z.number().int(),
  unevidencedMilestones: z.number().int(),
  problem: z.boolean(),
});
export type ClosedLoopRow = z.infer<typeof closedLoopRowSchema>;

export const closedLoopSchema = pageSchema(closedLoopRowSchema).extend({ today: z.string(), problems: z.number().int() });
export type ClosedLoop = z.infer<typeof closedLoopSchema>;

export const closedLoopQuerySchema = pageQuerySchema.extend({
  divisionId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(60).optional(),
  status: z.enum(projectStatuses).optional(),
  organisationId: z.coerce.number().int().positive().optional(),
  /** `true`: only projects with a problem; `false`: only those without. */
  problem: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
});
export type ClosedLoopQuery = z.infer<typeof closedLoopQuerySchema>;
