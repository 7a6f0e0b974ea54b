import { portalPhotoLimits, type PortalPhotoReceipt } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import type { RequestContext } from '../../http/context.ts';
import { storePortalPhoto } from '../attachments/attachments.service.ts';
import { takePhotoSlot } from './portal.guard.ts';
import { findPortalTicket, lockTicketRow, portalPhotoCount } from './portal.repo.ts';

/*
 * A resident adds photos to what they just submitted. The proof is the one tracking uses (ticket
 * number + the phone's last four digits), which is weak, so it only opens a short window after the
 * submission and a few photos per ticket; the photos are never shown back on the portal.
 */

/** The record a portal ticket names: a case, or a need (a wish). */
export interface PhotoTarget {
  ownerType: 'case' | 'need';
  ownerId: number;
  submittedAt: string;
}

const lastFour = (phone: string | null) => (phone ?? '').replace(/\D/g, '').slice(-4);

/** 409 when the window after the submission has closed or the ticket has all its photos. */
async function assertRoomFor(ctx: RequestContext, db: Executor, target: PhotoTarget): Promise<number> {
  const closesAt = new Date(target.submittedAt).getTime() + portalPhotoLimits.windowMinutes * 60_000;
  if (ctx.clock.now().getTime() > closesAt) throw new AppError('invalid_transition', { details: { reason: 'photo_window_closed' } });
  const count = await portalPhotoCount(db, target);
  if (count >= portalPhotoLimits.perTicket) throw new AppError('invalid_transition', { details: { reason: 'photo_limit', limit: portalPhotoLimits.perTicket } });
  return count;
}

/**
 * Check the proof before the upload is read: 429 when this address sends too much or guesses,
 * 404 for an unknown ticket or wrong digits alike (no oracle), 409 when no photo may be added.
 *
 * @example
 * const target = await photoTarget(ctx, { ticketNo: 'TX261125-K7Q4MZ3P', phoneLast4: '5678' });
 */
export async function photoTarget(ctx: RequestContext, proof: { ticketNo: string; phoneLast4: string }): Promise<PhotoTarget> {
  const slot = await takePhotoSlot(ctx);
  const found = await findPortalTicket(ctx.db, proof.ticketNo);
  if (!found || lastFour(found.submitter_phone) !== proof.phoneLast4) {
    await slot.refused();
    throw new AppError('not_found', { params: { entity: 'entities.ticket' } });
  }
  await slot.proven();
  const target = { ownerType: found.ownerType, ownerId: found.id, submittedAt: found.submitted_at };
  try {
    await assertRoomFor(ctx, ctx.db, target);
  } catch (error) {
    await slot.refused();
    throw error;
  }
  return target;
}

/** Store one photo for a proven ticket; the limits are checked again under a lock on the record. */
export async function addPhoto(ctx: RequestContext, target: PhotoTarget, file: { fileName: string | undefined; bytes: Buffer }): Promise<PortalPhotoReceipt> {
  let count = 0;
  const stored = await storePortalPhoto(ctx, { ownerType: target.ownerType, ownerId: target.ownerId, ...file }, async (trx) => {
    // A no-op update locks the record's row (PostgreSQL), so two photos sent at once cannot both take the last slot.
    await lockTicketRow(trx, target);
    count = (await assertRoomFor(ctx, trx, target)) + 1;
  });
  return { fileName: stored.fileName, size: stored.size, count };
}
