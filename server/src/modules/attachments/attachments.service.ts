import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AttachmentOwnerType } from '@tongxin/core';
import { AppError, notFound } from '../../kernel/errors.ts';
import { nowIso, type ActorContext, type RequestContext } from '../../http/context.ts';
import type { Executor } from '../../db/database.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findOwner, type AttachmentOwner } from './attachments.owners.ts';
import { assertCan } from './attachments.policy.ts';
import { findAttachment, insertAttachment, listAttachments, listPurgeable, markDeleted, markPurged, toAttachment } from './attachments.repo.ts';
import { sniffContentType } from './attachments.sniff.ts';
import { isPhoto, makeThumbnail, stripPhotoMetadata } from './attachments.images.ts';
import { newStorageKey, removeStoredFile, storagePath, thumbnailPath, writeStoredFile, writeThumbnail } from './attachments.storage.ts';

async function loadOwner(db: Executor, ownerType: AttachmentOwnerType, ownerId: number): Promise<AttachmentOwner> {
  const owner = await findOwner(db, ownerType, ownerId);
  if (!owner) throw notFound(ownerType === 'liaison_contact' ? 'liaison_contact' : ownerType);
  return owner;
}

/** The file name as shown to people: no directories, no control characters, at most 200 characters. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(-200);
  return cleaned || 'file';
}

/** Refuse early, before reading the upload, when the record is unknown, out of reach or archived. */
export async function checkUpload(ctx: ActorContext, ownerType: AttachmentOwnerType, ownerId: number): Promise<void> {
  const owner = await loadOwner(ctx.db, ownerType, ownerId);
  assertCan(ctx.actor, 'upload', owner);
  if (owner.archived) throw new AppError('invalid_transition', { details: { reason: 'archived' } });
}

/** Checks made inside the storing transaction, against the owner record read there. */
type StoreGuard = (trx: Executor, owner: AttachmentOwner) => Promise<void> | void;

interface StoreInput {
  ownerType: AttachmentOwnerType;
  ownerId: number;
  fileName: string | undefined;
  bytes: Buffer;
}

/**
 * The file goes to disk under a random key, and the row and its audit entry are written in one
 * transaction. A failed transaction removes the file again.
 */
async function persist(ctx: RequestContext, input: StoreInput, options: { guard: StoreGuard; uploadedBy: number | null; actorName?: string; accept: (type: string) => boolean }) {
  const contentType = sniffContentType(input.bytes);
  if (!contentType || !options.accept(contentType)) throw new AppError('unsupported_media_type');
  // Photos lose their EXIF (GPS position, device) before they are kept; one that will not decode is no photo.
  const bytes = isPhoto(contentType) ? await stripPhotoMetadata(input.bytes, contentType).catch(() => null) : input.bytes;
  if (!bytes) throw new AppError('unsupported_media_type');
  const key = newStorageKey();
  await writeStoredFile(ctx.config, key, bytes);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const owner = await loadOwner(trx, input.ownerType, input.ownerId);
      await options.guard(trx, owner);
      const fileName = cleanFileName(input.fileName);
      const id = await insertAttachment(trx, {
        ownerType: input.ownerType,
        ownerId: input.ownerId,
        divisionId: owner.divisionId,
        storageKey: key,
        fileName,
        contentType,
        size: bytes.length,
        sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
        uploadedBy: options.uploadedBy,
        at: nowIso(ctx),
      });
      await recordAudit(trx, ctx, {
        action: 'attachment.upload',
        entity: 'attachment',
        entityId: id,
        divisionId: owner.divisionId,
        ...(options.actorName ? { actorName: options.actorName } : {}),
        detail: { ownerType: input.ownerType, ownerId: input.ownerId, fileName, contentType, size: bytes.length },
      });
      return toAttachment((await findAttachment(trx, id))!);
    });
  } catch (error) {
    await removeStoredFile(ctx.config, key);
    throw error;
  }
}

/** Store an uploaded file for a record: the type is sniffed from the bytes (415 for anything we do not accept). */
export async function store(ctx: ActorContext, input: StoreInput) {
  return persist(ctx, input, {
    uploadedBy: ctx.actor.userId,
    accept: () => true,
    guard: (_trx, owner) => {
      assertCan(ctx.actor, 'upload', owner);
      if (owner.archived) throw new AppError('invalid_transition', { details: { reason: 'archived' } });
    },
  });
}

/**
 * Store a photo a resident sent from the public portal: photos only, no uploader, audited as the
 * portal. The caller has checked the proof; `guard` re-checks its limits inside the transaction.
 */
export async function storePortalPhoto(ctx: RequestContext, input: StoreInput, guard: StoreGuard) {
  return persist(ctx, input, { uploadedBy: null, actorName: 'portal', accept: isPhoto, guard });
}

/**
 * Store a photo for a record whose access the caller has checked its own way (a participant's
 * claimed need: server/src/modules/participants/participants.needs.ts). Photos only; the owner
 * must exist and not be archived, and `check` runs again inside the storing transaction.
 */
export async function storeCheckedPhoto(ctx: ActorContext, input: StoreInput, check: (trx: Executor) => Promise<void>) {
  return persist(ctx, input, {
    uploadedBy: ctx.actor.userId,
    accept: isPhoto,
    guard: async (trx, owner) => {
      if (owner.archived) throw new AppError('invalid_transition', { details: { reason: 'archived' } });
      await check(trx);
    },
  });
}

/** A record's files, for a caller that has checked access to the record itself. */
export async function listChecked(ctx: ActorContext, ownerType: AttachmentOwnerType, ownerId: number) {
  await loadOwner(ctx.db, ownerType, ownerId);
  return (await listAttachments(ctx.db, ownerType, [ownerId])).map(toAttachment);
}

/** A file to send, after `check` has accepted its owner record (it throws otherwise). */
export async function contentChecked(ctx: ActorContext, id: number, check: (ownerType: AttachmentOwnerType, ownerId: number) => Promise<void>) {
  const row = await findAttachment(ctx.db, id);
  if (!row || row.deleted_at !== null) throw notFound('attachment');
  await check(row.owner_type as AttachmentOwnerType, row.owner_id);
  const file = storagePath(ctx.config, row.storage_key);
  if (!file || !fs.existsSync(file)) throw notFound('attachment');
  return { file, contentType: row.content_type, fileName: row.file_name, size: row.size };
}

async function loadReadable(ctx: ActorContext, id: number) {
  const row = await findAttachment(ctx.db, id);
  if (!row || row.deleted_at !== null) throw notFound('attachment');
  const owner = await loadOwner(ctx.db, row.owner_type as AttachmentOwnerType, row.owner_id);
  assertCan(ctx.actor, 'read', owner);
  return row;
}

export async function list(ctx: ActorContext, ownerType: AttachmentOwnerType, ownerId: number) {
  const owner = await loadOwner(ctx.db, ownerType, ownerId);
  assertCan(ctx.actor, 'read', owner);
  return (await listAttachments(ctx.db, ownerType, [ownerId])).map(toAttachment);
}

export async function detail(ctx: ActorContext, id: number) {
  return toAttachment(await loadReadable(ctx, id));
}

/** The file to send: its path (checked to lie under the uploads directory), type and name. */
export async function content(ctx: ActorContext, id: number) {
  const row = await loadReadable(ctx, id);
  const file = storagePath(ctx.config, row.storage_key);
  if (!file || !fs.existsSync(file)) throw notFound('attachment');
  return { file, contentType: row.content_type, fileName: row.file_name, size: row.size };
}

/**
 * A photo's thumbnail (WebP), made on first request and kept beside the file, so lists of photos
 * fetch a few kilobytes each instead of whole pictures. Files that are not photos have none (404).
 */
export async function thumbnail(ctx: ActorContext, id: number): Promise<{ file: string; size: number }> {
  const row = await loadReadable(ctx, id);
  const original = storagePath(ctx.config, row.storage_key);
  const file = thumbnailPath(ctx.config, row.storage_key);
  if (!isPhoto(row.content_type) || !original || !file || !fs.existsSync(original)) throw notFound('attachment');
  if (!fs.existsSync(file)) {
    const made = await makeThumbnail(await fs.promises.readFile(original)).catch(() => null);
    if (!made) throw notFound('attachment');
    await writeThumbnail(ctx.config, row.storage_key, made);
  }
  return { file, size: (await fs.promises.stat(file)).size };
}

/** Detach a file from its record. The file stays on disk until an administrator purges it. */
export async function remove(ctx: ActorContext, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findAttachment(trx, id);
    if (!row || row.deleted_at !== null) throw notFound('attachment');
    const owner = await loadOwner(trx, row.owner_type as AttachmentOwnerType, row.owner_id);
    assertCan(ctx.actor, 'delete', owner);
    await markDeleted(trx, id, ctx.actor.userId, nowIso(ctx));
    await recordAudit(trx, ctx, {
      action: 'attachment.delete',
      entity: 'attachment',
      entityId: id,
      divisionId: owner.divisionId,
      detail: { ownerType: row.owner_type, ownerId: row.owner_id, fileName: row.file_name },
    });
  });
}

/** Remove from disk the files of deleted attachments in the actor's subtree. */
export async function purge(ctx: ActorContext): Promise<{ purged: number }> {
  assertCan(ctx.actor, 'purge', null);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await listPurgeable(trx, ctx.actor.scopePath);
    for (const row of rows) await removeStoredFile(ctx.config, row.storage_key);
    await markPurged(trx, rows.map((row) => row.id), nowIso(ctx));
    await recordAudit(trx, ctx, { action: 'attachment.purge', entity: 'attachment', entityId: null, divisionId: ctx.actor.divisionId, detail: { purged: rows.length } });
    return { purged: rows.length };
  });
}
