import type { Attachment, AttachmentOwnerType, AttachmentSummary } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import type { AttachmentRow } from '../../db/types-work.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

type AttachmentWithUploader = AttachmentRow & { uploader_name: string | null };

export function attachmentUrl(id: number): string {
  return `/api/attachments/${id}/content`;
}

export function toAttachmentSummary(row: AttachmentRow): AttachmentSummary {
  return { id: row.id, fileName: row.file_name, contentType: row.content_type, size: row.size, url: attachmentUrl(row.id), createdAt: row.created_at };
}

export function toAttachment(row: AttachmentWithUploader): Attachment {
  return {
    id: row.id,
    ownerType: row.owner_type as AttachmentOwnerType,
    ownerId: row.owner_id,
    fileName: row.file_name,
    contentType: row.content_type,
    size: row.size,
    sha256: row.sha256,
    url: attachmentUrl(row.id),
    uploadedBy: row.uploaded_by === null ? null : { id: row.uploaded_by, name: row.uploader_name ?? '' },
    createdAt: row.created_at,
    deleted: row.deleted_at !== null,
  };
}

function selectAttachments(db: Executor) {
  return db
    .selectFrom('attachments')
    .leftJoin('users', 'users.id', 'attachments.uploaded_by')
    .selectAll('attachments')
    .select('users.display_name as uploader_name');
}

export async function findAttachment(db: Executor, id: number): Promise<AttachmentWithUploader | undefined> {
  return selectAttachments(db).where('attachments.id', '=', id).executeTakeFirst();
}

/** The live (not deleted) attachments of some records of one type, oldest first. */
export async function listAttachments(db: Executor, ownerType: AttachmentOwnerType, ownerIds: number[]): Promise<AttachmentWithUploader[]> {
  if (ownerIds.length === 0) return [];
  return selectAttachments(db)
    .where('attachments.owner_type', '=', ownerType)
    .where('attachments.owner_id', 'in', ownerIds)
    .where('attachments.deleted_at', 'is', null)
    .orderBy('attachments.id')
    .execute();
}

/** How many live attachments each record has. */
export async function countAttachments(db: Executor, ownerType: AttachmentOwnerType, ownerIds: number[]): Promise<Map<number, number>> {
  if (ownerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('attachments')
    .select(['owner_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('owner_type', '=', ownerType)
    .where('owner_id', 'in', ownerIds)
    .where('deleted_at', 'is', null)
    .groupBy('owner_id')
    .execute();
  return new Map(rows.map((row) => [row.owner_id, Number(row.n)]));
}

export async function insertAttachment(
  db: Executor,
  values: { ownerType: AttachmentOwnerType; ownerId: number; divisionId: number; storageKey: string; fileName: string; contentType: string; size: number; sha256: string; uploadedBy: number | null; at: string },
): Promise<number> {
  const row = await db
    .insertInto('attachments')
    .values({
      owner_type: values.ownerType,
      owner_id: values.ownerId,
      division_id: values.divisionId,
      storage_key: values.storageKey,
      file_name: values.fileName,
      content_type: values.contentType,
      size: values.size,
      sha256: values.sha256,
      uploaded_by: values.uploadedBy,
      created_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markDeleted(db: Executor, id: number, by: number, at: string): Promise<void> {
  await db.updateTable('attachments').set({ deleted_at: at, deleted_by: by }).where('id', '=', id).where('deleted_at', 'is', null).execute();
}

/** Files that may go: deleted attachments not yet purged, in the actor's subtree. */
export async function listPurgeable(db: Executor, scopePath: string | null) {
  return db
    .selectFrom('attachments')
    .select(['id', 'storage_key', 'division_id'])
    .where('deleted_at', 'is not', null)
    .where('purged_at', 'is', null)
    .where(divisionInScope('attachments.division_id', scopePath))
    .orderBy('id')
    .execute();
}

export async function markPurged(db: Executor, ids: number[], at: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db.updateTable('attachments').set({ purged_at: at }).where('id', 'in', ids.slice(i, i + 500)).execute();
  }
}
