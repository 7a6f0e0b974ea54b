import { z } from 'zod';
import { idListParam, listParam } from './form-fields.ts';
import { pageQuerySchema } from './paging.ts';
import { normalisePhone, phonePattern } from './phone.ts';
import { dispatchStates, satisfactionLevels } from './sla/dispatch-states.ts';
import { kpiSettingsSchema } from './sla/kpi.ts';
import { requestKinds, slaPolicySchema } from './sla/policy.ts';
import { holidayCalendarDataSchema, officeHoursSchema } from './calendar/calendar.schema.ts';

/*
 * The dispatch route (派单办理) as the API speaks it. A "case" is one registered request: from the
 * public portal, the hotline, a visit or an organisation. The state machine, the clocks and the
 * figures live in `sla/`; this file only describes what goes over the wire.
 */

/** What the submitter asked for (the portal's choice); the time-limit kind is decided from it. */
export const caseCategories = ['wish', 'help', 'question', 'idea', 'opinion'] as const;
export type CaseCategory = (typeof caseCategories)[number];

/** How a case came in. */
export const caseChannels = ['portal', 'hotline', 'visit', 'organisation', 'other'] as const;
export type CaseChannel = (typeof caseChannels)[number];

/**
 * A responsible unit: an organisation (its handlers act for it) or a division's office (the staff
 * and handlers attached to that division act for it).
 */
export const unitTypes = ['organisation', 'division'] as const;
export type UnitType = (typeof unitTypes)[number];

export const unitRefSchema = z.object({ type: z.enum(unitTypes), id: z.number().int().positive() });
export type UnitRef = z.infer<typeof unitRefSchema>;

export const unitSchema = z.object({ type: z.enum(unitTypes), id: z.number().int(), name: z.string() });
export type Unit = z.infer<typeof unitSchema>;

/**
 * The time-limit kind a portal category gets by default: an opinion (意见) is handled like a
 * complaint (13 working days), a wish like a help request.
 *
 * @example
 * defaultKindOf('opinion') // 'complaint'
 */
export function defaultKindOf(category: CaseCategory): (typeof requestKinds)[number] {
  if (category === 'opinion') return 'complaint';
  if (category === 'wish') return 'help';
  return category;
}

export const clockSchema = z.object({
  name: z.enum(['accept', 'contact', 'reply']),
  status: z.enum(['not_started', 'running', 'overdue', 'met', 'missed', 'cancelled']),
  startedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  measure: z.enum(['working', 'clock']),
  remainingMinutes: z.number().int().nullable(),
  overdueMinutes: z.number().int(),
});

export const caseClocksSchema = z.object({ accept: clockSchema, contact: clockSchema, reply: clockSchema });

export const caseSchema = z.object({
  id: z.number().int(),
  ticketNo: z.string(),
  divisionId: z.number().int(),
  divisionName: z.string(),
  officeDivisionId: z.number().int(),
  kind: z.enum(requestKinds),
  category: z.enum(caseCategories),
  channel: z.enum(caseChannels),
  title: z.string(),
  state: z.enum(dispatchStates),
  leadUnit: unitSchema.nullable(),
  submitterName: z.string().nullable(),
  /** Masked (`138****5678`) unless revealed through the audited endpoint. */
  submitterPhone: z.string().nullable(),
  submitterOrganisation: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  receivedAt: z.string(),
  satisfaction: z.enum(satisfactionLevels).nullable(),
  solved: z.boolean().nullable(),
  clocks: caseClocksSchema,
  /** A running clock is past its due time. */
  overdue: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Case = z.infer<typeof caseSchema>;

export const caseEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.string(),
  fromState: z.enum(dispatchStates).nullable(),
  toState: z.enum(dispatchStates).nullable(),
  note: z.string().nullable(),
  /** Shown on the public portal (a staff note never is). */
  public: z.boolean(),
  actorName: z.string().nullable(),
  unit: unitSchema.nullable(),
});
export type CaseEvent = z.infer<typeof caseEventSchema>;

export const caseDetailSchema = caseSchema.extend({
  content: z.string(),
  reply: z.string().nullable(),
  unitAtFault: z.boolean().nullable(),
  assistUnits: z.array(unitSchema),
  events: z.array(caseEventSchema),
  /** States the case may go to next (buttons), whether or not this user may take them. */
  nextStates: z.array(z.enum(dispatchStates)),
  /** What this user may do now: transitions by target state plus `contact`, `remind`, `note`, `reveal_phone`, `update`. */
  allowed: z.array(z.string()),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalPhone = z
  .string()
  .max(40)
  .transform(normalisePhone)
  .refine((value) => value === '' || phonePattern.test(value), { error: 'validation.phone' })
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional();

export const caseCreateSchema = z.strictObject({
  divisionId: z.number().int().positive(),
  kind: z.enum(requestKinds).optional(),
  category: z.enum(caseCategories),
  channel: z.enum(caseChannels).exclude(['portal']),
  title: text(60),
  content: text(4000),
  submitterName: z.string().trim().max(40).nullable().optional(),
  submitterPhone: optionalPhone,
  submitterOrganisationId: z.number().int().positive().nullable().optional(),
  /** When the call or visit happened (defaults to now; never in the future). */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
});
export type CaseCreate = z.infer<typeof caseCreateSchema>;

export const caseUpdateSchema = z.strictObject({
  kind: z.enum(requestKinds).optional(),
  title: text(60).optional(),
  content: text(4000).optional(),
  divisionId: z.number().int().positive().optional(),
  version: z.number().int().positive(),
});
export type CaseUpdate = z.infer<typeof caseUpdateSchema>;

const note = z.string().trim().max(2000).optional();
const common = { note, public: z.boolean().optional(), version: z.number().int().positive() };

/** One step of the dispatch route, by target state; each carries what that step records. */
export const caseTransitionSchema = z.discriminatedUnion('to', [
  // No step leads back to `received`; it is accepted here so the state machine answers (409 with the allowed steps).
  z.strictObject({ to: z.literal('received'), ...common }),
  z.strictObject({ to: z.literal('dispatched'), unit: unitRefSchema, assistUnits: z.array(unitRefSchema).max(10).optional(), ...common }),
  z.strictObject({ to: z.literal('accepted'), ...common }),
  z.strictObject({ to: z.literal('returned'), ...common }),
  z.strictObject({ to: z.literal('in_progress'), ...common }),
  z.strictObject({ to: z.literal('replied'), reply: text(4000), ...common }),
  z.strictObject({
    to: z.literal('followed_up'),
    satisfaction: z.enum(satisfactionLevels),
    solved: z.boolean(),
    /** Only for "not satisfied": the cause lies with the unit, so the case reopens for redo. */
    unitAtFault: z.boolean().default(false),
    ...common,
  }),
  z.strictObject({ to: z.literal('closed'), ...common }),
]);
export type CaseTransition = z.infer<typeof caseTransitionSchema>;

export const caseNoteSchema = z.strictObject({ note: text(2000) });
export const caseContactSchema = z.strictObject({ note: z.string().trim().max(2000).optional() });

export const caseSortKeys = ['receivedAt', 'updatedAt', 'title', 'state'] as const;

export const caseListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(60).optional(),
  state: listParam(dispatchStates).optional(),
  kind: listParam(requestKinds).optional(),
  category: listParam(caseCategories).optional(),
  channel: listParam(caseChannels).optional(),
  /** A division: the cases of its whole subtree. */
  divisionId: z.coerce.number().int().positive().optional(),
  unitType: z.enum(unitTypes).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  /** Only cases with a clock running past its due time. */
  overdue: z.enum(['true', 'false']).optional(),
  /** Received on or after / before (exclusive) these dates, Shanghai time. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** Drill-down from a figure: these cases only. */
  ids: idListParam(500).optional(),
  sort: z.enum(caseSortKeys).default('receivedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

export const revealedSubmitterPhoneSchema = z.object({ phone: z.string().nullable() });

/** Per-office settings; each part null = inherit from the office above (or the defaults). */
export const requestSettingsSchema = z.object({
  divisionId: z.number().int(),
  slaPolicy: slaPolicySchema.nullable(),
  kpiSettings: kpiSettingsSchema.nullable(),
  holidayCalendar: holidayCalendarDataSchema.nullable(),
  officeHours: officeHoursSchema.nullable(),
  version: z.number().int(),
});
export type RequestSettings = z.infer<typeof requestSettingsSchema>;

export const requestSettingsViewSchema = z.object({
  /** This division's own row, or null when it inherits everything. */
  own: requestSettingsSchema.nullable(),
  /** What applies here after inheritance and defaults. */
  effective: z.object({
    slaPolicy: slaPolicySchema,
    kpiSettings: kpiSettingsSchema,
    calendarName: z.string(),
    officeHours: officeHoursSchema,
    /** The division whose row supplied the settings, or null for the built-in defaults. */
    fromDivisionId: z.number().int().nullable(),
  }),
});

export const requestSettingsPutSchema = z.strictObject({
  divisionId: z.number().int().positive(),
  slaPolicy: slaPolicySchema.nullable(),
  kpiSettings: kpiSettingsSchema.nullable(),
  holidayCalendar: holidayCalendarDataSchema.nullable().optional(),
  officeHours: officeHoursSchema.nullable().optional(),
  /** The current version when the row exists; omit to create it. */
  version: z.number().int().positive().optional(),
});
export type RequestSettingsPut = z.infer<typeof requestSettingsPutSchema>;
