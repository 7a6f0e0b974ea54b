import { z } from 'zod';
import { organisationTypes } from './organisations.ts';

/*
 * Notices to a segment (issue 15, item 4): an office writes a notice, picks its recipients by a
 * rule, sees how many that is, and a division administrator other than the author approves it.
 * Approval queues one outbox row per recipient and channel in one transaction; in-app delivery
 * (the participant's phone pages, the staff bell) is a recipient row that records when it was read.
 */

const id = z.number().int().positive();

/** Who receives a notice: users reached through organisations, a programme, a district or an event. */
export const segmentSchema = z.discriminatedUnion('kind', [
  /** The handlers of the subtree's organisations of these types. */
  z.object({ kind: z.literal('organisation_types'), types: z.array(z.enum(organisationTypes)).min(1).max(organisationTypes.length) }),
  /** The handlers of a chamber's (or association's) current member organisations. */
  z.object({ kind: z.literal('chamber_members'), organisationId: id }),
  /** The handlers of both sides of a pairing programme's pairs. */
  z.object({ kind: z.literal('programme_participants'), programmeId: id }),
  /** Liaison officers whose account belongs to the district's subtree. */
  z.object({ kind: z.literal('liaison_officers'), divisionId: id }),
  /** Those holding a place at an event. */
  z.object({ kind: z.literal('event_registrants'), eventId: id }),
]);
export type Segment = z.infer<typeof segmentSchema>;

export const noticeChannels = ['inapp', 'sms', 'wechat'] as const;
export type NoticeChannel = (typeof noticeChannels)[number];

export const noticeStates = ['draft', 'pending_approval', 'approved', 'sending', 'sent', 'rejected'] as const;
export type NoticeState = (typeof noticeStates)[number];

export const noticeInputSchema = z.object({
  divisionId: id,
  title: z.string().trim().min(1).max(100),
  body: z.string().trim().min(1).max(500),
  channels: z.array(z.enum(noticeChannels)).min(1).max(noticeChannels.length),
  segment: segmentSchema,
});
export type NoticeInput = z.infer<typeof noticeInputSchema>;

export const segmentPreviewInputSchema = z.object({ divisionId: id, segment: segmentSchema });
export const segmentPreviewSchema = z.object({
  /** Distinct recipients (people). */
  recipients: z.number().int(),
  /** Of them, with a mobile number that has not opted out (what SMS would reach). */
  reachableBySms: z.number().int(),
});
export type SegmentPreview = z.infer<typeof segmentPreviewSchema>;

export const noticeFiguresSchema = z.object({
  recipients: z.number().int(),
  /** Outbox messages handed to a provider (sent, delivered or undelivered). */
  sent: z.number().int(),
  delivered: z.number().int(),
  /** Given up, or reported undelivered by the provider. */
  failed: z.number().int(),
  /** Still waiting in the outbox (quiet hours, daily cap, retries). */
  waiting: z.number().int(),
  /** Recipients who opened it on a page (in-app or phone). */
  read: z.number().int(),
});
export type NoticeFigures = z.infer<typeof noticeFiguresSchema>;

export const noticeSchema = z.object({
  id,
  divisionId: z.number().int(),
  title: z.string(),
  body: z.string(),
  channels: z.array(z.enum(noticeChannels)),
  segment: segmentSchema,
  state: z.enum(noticeStates),
  createdBy: z.number().int().nullable(),
  approvedBy: z.number().int().nullable(),
  rejectReason: z.string().nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  version: z.number().int(),
  figures: noticeFiguresSchema.nullable(),
});
export type NoticeOut = z.infer<typeof noticeSchema>;

export const noticeStepSchema = z.object({ version: z.number().int().positive() });
export const noticeRejectSchema = noticeStepSchema.extend({ reason: z.string().trim().min(1).max(200) });

/** A notice as its recipient sees it (phone page, bell). */
export const myNoticeSchema = z.object({ id, title: z.string(), body: z.string(), sentAt: z.string().nullable(), readAt: z.string().nullable() });
export type MyNotice = z.infer<typeof myNoticeSchema>;
