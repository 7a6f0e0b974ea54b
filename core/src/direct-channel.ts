import { z } from 'zod';
import { unitRefSchema, unitSchema } from './cases.ts';
import { listParam } from './form-fields.ts';
import { pageQuerySchema } from './paging.ts';
import { defineStateMachine, type StateMachine } from './sla/state-machine.ts';

/*
 * The direct channel (直通车): an organisation's research report or proposal goes to leadership; a
 * leader's instruction (批示) is recorded; the report is assigned (交办) to units with deadlines and
 * supervised (督办) until every unit has reported completion, which closes it.
 */

export const dcReportKinds = ['report', 'proposal'] as const;
export const dcReportStates = ['submitted', 'instructed', 'assigned', 'closed'] as const;
export type DcReportState = (typeof dcReportStates)[number];
export const dcAssignmentStates = ['assigned', 'accepted', 'completed'] as const;
export type DcAssignmentState = (typeof dcAssignmentStates)[number];

/** A report moves forward only; it closes by itself when the last unit completes. */
export const dcReportMachine: StateMachine<DcReportState, 'instruct' | 'assign' | 'close'> = defineStateMachine(dcReportStates, [
  { from: 'submitted', to: 'instructed', action: 'instruct', noteRequired: false },
  { from: 'instructed', to: 'assigned', action: 'assign', noteRequired: false },
  { from: 'assigned', to: 'closed', action: 'close', noteRequired: false },
]);

/** A unit signs for its assignment, then reports completion with evidence. */
export const dcAssignmentMachine: StateMachine<DcAssignmentState, 'accept' | 'complete'> = defineStateMachine(dcAssignmentStates, [
  { from: 'assigned', to: 'accepted', action: 'accept', noteRequired: false },
  { from: 'accepted', to: 'completed', action: 'complete', noteRequired: true },
]);

const ref = z.object({ id: z.number().int(), name: z.string() });

export const dcReportSchema = z.object({
  id: z.number().int(),
  divisionId: z.number().int(),
  divisionName: z.string(),
  organisation: ref,
  kind: z.enum(dcReportKinds),
  title: z.string(),
  state: z.enum(dcReportStates),
  submittedAt: z.string(),
  closedAt: z.string().nullable(),
  /** Assignments done / all. */
  progress: z.object({ completed: z.number().int(), total: z.number().int(), overdue: z.number().int() }),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DcReport = z.infer<typeof dcReportSchema>;

export const dcInstructionSchema = z.object({
  id: z.number().int(),
  leaderName: z.string(),
  content: z.string(),
  instructedAt: z.string(),
  recordedBy: z.string().nullable(),
});

/** One unit's assignment as supervision (督办) sees it. */
export const dcAssignmentSchema = z.object({
  id: z.number().int(),
  reportId: z.number().int(),
  reportTitle: z.string(),
  unit: unitSchema,
  task: z.string().nullable(),
  deadline: z.string(),
  state: z.enum(dcAssignmentStates),
  acceptedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  evidence: z.string().nullable(),
  /** Not completed and the deadline day is over (Shanghai time). */
  overdue: z.boolean(),
  /** Calendar days left until the deadline (negative when overdue); null once completed. */
  daysLeft: z.number().int().nullable(),
  reminders: z.number().int(),
  lastReminderAt: z.string().nullable(),
  escalated: z.boolean(),
  version: z.number().int(),
});
export type DcAssignment = z.infer<typeof dcAssignmentSchema>;

export const dcReportEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.string(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  assignmentId: z.number().int().nullable(),
  unit: unitSchema.nullable(),
});

export const dcReportDetailSchema = dcReportSchema.extend({
  content: z.string(),
  instructions: z.array(dcInstructionSchema),
  assignments: z.array(dcAssignmentSchema),
  /** Every step, oldest first: who did what and when. */
  timeline: z.array(dcReportEventSchema),
  /** What this user may do on the report: `instruct`, `assign`, `remind`. */
  allowed: z.array(z.string()),
  /** DcAssignment ids this user may accept or complete (their units'). */
  actionableAssignmentIds: z.array(z.number().int()),
});
export type DcReportDetail = z.infer<typeof dcReportDetailSchema>;

export const dcReportCreateSchema = z.strictObject({
  organisationId: z.number().int().positive(),
  kind: z.enum(dcReportKinds),
  title: z.string().trim().min(1).max(100),
  content: z.string().trim().min(1).max(20_000),
});
export type DcReportCreate = z.infer<typeof dcReportCreateSchema>;

export const dcInstructionCreateSchema = z.strictObject({
  leaderName: z.string().trim().min(1).max(40),
  content: z.string().trim().min(1).max(2000),
  /** When the leader wrote it (defaults to now; never in the future). */
  instructedAt: z.iso.datetime({ offset: true }).optional(),
  version: z.number().int().positive(),
});

export const dcAssignSchema = z.strictObject({
  units: z
    .array(z.strictObject({ unit: unitRefSchema, deadline: z.iso.date(), task: z.string().trim().max(1000).optional() }))
    .min(1)
    .max(20),
  version: z.number().int().positive(),
});
export type DcAssignInput = z.infer<typeof dcAssignSchema>;

export const dcAssignmentStepSchema = z.strictObject({
  note: z.string().trim().max(2000).optional(),
  version: z.number().int().positive(),
});

export const dcAssignmentCompleteSchema = z.strictObject({
  /** What was done, with references to documents: the evidence supervision checks. */
  evidence: z.string().trim().min(1).max(4000),
  version: z.number().int().positive(),
});

export const dcAssignmentRemindSchema = z.strictObject({ note: z.string().trim().max(2000).optional() });

export const dcReportListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(60).optional(),
  state: listParam(dcReportStates).optional(),
  divisionId: z.coerce.number().int().positive().optional(),
  organisationId: z.coerce.number().int().positive().optional(),
});
export type DcReportListQuery = z.infer<typeof dcReportListQuerySchema>;

export const dcSupervisionQuerySchema = z.object({
  state: listParam(dcAssignmentStates).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  divisionId: z.coerce.number().int().positive().optional(),
});
export type DcSupervisionQuery = z.infer<typeof dcSupervisionQuerySchema>;
