import { z } from 'zod';
import { activityKinds } from './activities.ts';
import { votePhoneSchema } from './competition-results.ts';
import { instantInputSchema } from './competitions.ts';
import { clearablePhone, clearableText } from './organisations.ts';
import { participantRoles } from './roles.ts';
import { passwordSchema } from './users.ts';

/*
 * Participants outside the office: invitations, phone sign-in, profile proposals and events.
 * Shared by the server (validation) and the phone pages (forms).
 */

/** A one-time SMS code: six digits. */
export const smsCodeSchema = z.string().regex(/^\d{6}$/, { error: 'validation.vote_code' });

export const invitationCreateSchema = z.object({
  role: z.enum(participantRoles),
  /** Who the link is meant for (shown on the invitation page); they may change it when accepting. */
  displayName: z.string().trim().min(1).max(40).optional(),
  expiresInDays: z.number().int().min(1).max(30).default(7),
});
export type InvitationCreate = z.infer<typeof invitationCreateSchema>;

export const invitationSchema = z.object({
  id: z.number().int(),
  organisationId: z.number().int(),
  role: z.enum(participantRoles),
  displayName: z.string().nullable(),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** Answer to creating an invitation: the only time the link (and its token) is ever shown. */
export const invitationCreatedSchema = invitationSchema.extend({
  url: z.string(),
  /** The link as a QR code (SVG text) to print or show on a screen. */
  qrSvg: z.string(),
});

export const invitationPreviewSchema = z.object({
  organisationName: z.string(),
  role: z.enum(participantRoles),
  displayName: z.string().nullable(),
  expiresAt: z.string(),
});

export const smsCodeRequestSchema = z.object({ phone: votePhoneSchema });
export const smsSignInSchema = z.object({ phone: votePhoneSchema, code: smsCodeSchema });

export const invitationAcceptSchema = z.object({
  token: z.string().min(20).max(100),
  phone: votePhoneSchema,
  code: smsCodeSchema,
  displayName: z.string().trim().min(1).max(40),
  /** Optional: a participant may also sign in with phone number + password. */
  password: passwordSchema.optional(),
});
export type InvitationAccept = z.infer<typeof invitationAcceptSchema>;

export const participantMeSchema = z.object({
  userId: z.number().int(),
  displayName: z.string(),
  phone: z.string().nullable(),
  roles: z.array(z.string()),
  organisation: z.object({ id: z.number().int(), name: z.string(), divisionId: z.number().int() }).nullable(),
});

/** Fields of its own record an organisation may propose to change (申报); the office approves (审核). */
export const proposalFields = ['contactName', 'contactPhone', 'address', 'description'] as const;
export type ProposalField = (typeof proposalFields)[number];

export const proposalCreateSchema = z
  .object({
    contactName: clearableText(40),
    contactPhone: clearablePhone,
    address: clearableText(200),
    description: clearableText(2000),
  })
  .refine((value) => proposalFields.some((field) => value[field] !== undefined), { error: 'participants.validation.nothing_proposed', path: ['contactName'] });
export type ProposalCreate = z.infer<typeof proposalCreateSchema>;

export const proposalStatuses = ['pending', 'approved', 'rejected'] as const;

export const proposalSchema = z.object({
  id: z.number().int(),
  organisationId: z.number().int(),
  organisationName: z.string(),
  status: z.enum(proposalStatuses),
  /** One line per proposed field: what the record holds now (at the time of reading) and what is proposed. */
  diff: z.array(z.object({ field: z.enum(proposalFields), current: z.string().nullable(), proposed: z.string().nullable() })),
  proposedBy: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Proposal = z.infer<typeof proposalSchema>;

export const proposalDecisionSchema = z.object({
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(500).optional(),
  version: z.number().int().positive(),
});

export const proposalListQuerySchema = z.object({ status: z.enum(proposalStatuses).optional() });

/* ---------- events ---------- */

export const eventAudiences = ['organisations', 'chamber_members', 'programme', 'public'] as const;

export const eventCreateSchema = z
  .object({
    divisionId: z.number().int().positive(),
    title: z.string().trim().min(1).max(100),
    kind: z.enum(activityKinds).default('event'),
    startsAt: instantInputSchema,
    endsAt: instantInputSchema,
    venueId: z.number().int().positive().nullable().optional(),
    place: clearableText(200),
    capacity: z.number().int().min(1).max(100_000),
    audience: z.enum(eventAudiences).default('organisations'),
    /** The chamber (organisation id) of `chamber_members`, the pairing programme of `programme`. */
    audienceRefId: z.number().int().positive().nullable().optional(),
    registrationOpensAt: instantInputSchema.nullable().optional(),
    registrationClosesAt: instantInputSchema.nullable().optional(),
    waitingList: z.boolean().default(true),
  })
  .refine((e) => e.endsAt > e.startsAt, { error: 'participants.validation.ends_before_start', path: ['endsAt'] })
  .refine((e) => !e.registrationOpensAt || !e.registrationClosesAt || e.registrationClosesAt > e.registrationOpensAt, {
    error: 'participants.validation.window_reversed',
    path: ['registrationClosesAt'],
  });
export type EventCreate = z.infer<typeof eventCreateSchema>;

export const eventSchema = z.object({
  id: z.number().int(),
  activityId: z.number().int(),
  divisionId: z.number().int(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  venueId: z.number().int().nullable(),
  place: z.string().nullable(),
  capacity: z.number().int(),
  audience: z.enum(eventAudiences),
  audienceRefId: z.number().int().nullable(),
  registrationOpensAt: z.string().nullable(),
  registrationClosesAt: z.string().nullable(),
  waitingList: z.boolean(),
  registered: z.number().int(),
  waiting: z.number().int(),
  checkedIn: z.number().int(),
  /** The reader's own registration, when they have one. */
  mine: z.enum(['registered', 'waiting']).nullable(),
  myCheckIn: z.string().nullable(),
});
export type EventOut = z.infer<typeof eventSchema>;

export const eventRangeQuerySchema = z.object({
  from: z.iso.date({ error: 'validation.invalid_value' }),
  to: z.iso.date({ error: 'validation.invalid_value' }),
});

export const registrationSchema = z.object({
  userId: z.number().int(),
  displayName: z.string(),
  status: z.enum(['registered', 'waiting']),
  position: z.number().int(),
  checkedInAt: z.string().nullable(),
  createdAt: z.string(),
});

export const checkInSchema = z.object({ code: z.string().min(8).max(80) });
