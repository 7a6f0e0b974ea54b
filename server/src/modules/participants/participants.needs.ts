import type { AttachmentOwnerType } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import type { ActorContext } from '../../http/context.ts';
import { contentChecked, listChecked, storeCheckedPhoto } from '../attachments/attachments.service.ts';
import { list as listNeeds, loadNeed } from '../needs/needs.service.ts';
import { assertParticipant } from './participants.policy.ts';
import { organisationIdsOfUser } from './participants.repo.ts';

/*
 * A participant's claimed needs and their photos (认领的需求：进展与完成照片). The attachments
 * module lets office staff of a subtree read and write files; a participant is no office, so these
 * routes open exactly one door: the photos of needs their own organisation has claimed. Every call
 * goes through the needs module's claimant check (404 unknown, 403 not visible or not theirs).
 */

/** Needs my organisation has claimed (claimed, fulfilled or confirmed), latest change first. */
export async function mine(ctx: ActorContext) {
  assertParticipant(ctx.actor);
  const organisationIds = await organisationIdsOfUser(ctx.db, ctx.actor.userId);
  const found = await Promise.all(
    organisationIds.map((id) => listNeeds(ctx, { state: ['claimed', 'fulfilled', 'confirmed'], claimantOrganisationId: id, page: 1, pageSize: 50, sort: 'updatedAt', order: 'desc' })),
  );
  return found.flatMap((page) => page.items).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** 403 unless a participant acting for the organisation that claimed this need; 404 unknown. */
async function assertClaimant(ctx: ActorContext, needId: number, db: Executor = ctx.db): Promise<void> {
  assertParticipant(ctx.actor);
  await loadNeed(ctx, db, needId, 'claimant');
}

export async function photos(ctx: ActorContext, needId: number) {
  await assertClaimant(ctx, needId);
  return listChecked(ctx, 'need', needId);
}

/** Checked before the upload is read, and again inside the transaction that stores it. */
export async function checkPhotoUpload(ctx: ActorContext, needId: number): Promise<void> {
  await assertClaimant(ctx, needId);
}

export async function addPhoto(ctx: ActorContext, needId: number, fileName: string | undefined, bytes: Buffer) {
  return storeCheckedPhoto(ctx, { ownerType: 'need', ownerId: needId, fileName, bytes }, (trx) => assertClaimant(ctx, needId, trx));
}

/** A photo of one of my organisation's claimed needs; any other file is 403 (or 404 unknown). */
export async function photoContent(ctx: ActorContext, attachmentId: number) {
  return contentChecked(ctx, attachmentId, async (ownerType: AttachmentOwnerType, ownerId: number) => {
    if (ownerType !== 'need') throw new AppError('forbidden');
    await assertClaimant(ctx, ownerId);
  });
}
