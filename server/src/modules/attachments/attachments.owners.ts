import type { AttachmentOwnerType } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';

/** The record a file belongs to, as far as access is concerned. */
export interface AttachmentOwner {
  divisionId: number;
  path: string;
  archived: boolean;
  /** For a contact-log entry: the cadre of the relationship, who may attach files to it. */
  cadreUserId: number | null;
}

/**
 * Find the owner record of an attachment. The queries read the owners' tables directly, so this
 * module depends on none of the modules that show attachments (no import circle).
 */
export async function findOwner(db: Executor, ownerType: AttachmentOwnerType, ownerId: number): Promise<AttachmentOwner | undefined> {
  switch (ownerType) {
    case 'project': {
      const row = await db
        .selectFrom('projects')
        .innerJoin('divisions', 'divisions.id', 'projects.division_id')
        .select(['projects.division_id', 'divisions.path', 'projects.archived_at'])
        .where('projects.id', '=', ownerId)
        .executeTakeFirst();
      return row && { divisionId: row.division_id, path: row.path, archived: row.archived_at !== null, cadreUserId: null };
    }
    case 'milestone': {
      const row = await db
        .selectFrom('project_milestones as m')
        .innerJoin('projects', 'projects.id', 'm.project_id')
        .innerJoin('divisions', 'divisions.id', 'projects.division_id')
        .select(['projects.division_id', 'divisions.path', 'projects.archived_at', 'm.archived_at as milestone_archived_at'])
        .where('m.id', '=', ownerId)
        .executeTakeFirst();
      return (
        row && {
          divisionId: row.division_id,
          path: row.path,
          archived: row.archived_at !== null || row.milestone_archived_at !== null,
          cadreUserId: null,
        }
      );
    }
    case 'activity': {
      const row = await db
        .selectFrom('activities')
        .innerJoin('divisions', 'divisions.id', 'activities.division_id')
        .select(['activities.division_id', 'divisions.path', 'activities.archived_at'])
        .where('activities.id', '=', ownerId)
        .executeTakeFirst();
      return row && { divisionId: row.division_id, path: row.path, archived: row.archived_at !== null, cadreUserId: null };
    }
    case 'liaison_contact': {
      const row = await db
        .selectFrom('liaison_contacts as c')
        .innerJoin('liaison_relationships as r', 'r.id', 'c.relationship_id')
        .innerJoin('divisions', 'divisions.id', 'r.division_id')
        .select(['r.division_id', 'divisions.path', 'r.archived_at', 'r.cadre_user_id'])
        .where('c.id', '=', ownerId)
        .executeTakeFirst();
      return row && { divisionId: row.division_id, path: row.path, archived: row.archived_at !== null, cadreUserId: row.cadre_user_id };
    }
    // A request's photos (added on the portal by its submitter) belong to the request's division.
    case 'case': {
      const row = await db
        .selectFrom('cases')
        .innerJoin('divisions', 'divisions.id', 'cases.division_id')
        .select(['cases.division_id', 'divisions.path'])
        .where('cases.id', '=', ownerId)
        .executeTakeFirst();
      return row && { divisionId: row.division_id, path: row.path, archived: false, cadreUserId: null };
    }
    case 'need': {
      const row = await db
        .selectFrom('needs')
        .innerJoin('divisions', 'divisions.id', 'needs.division_id')
        .select(['needs.division_id', 'divisions.path'])
        .where('needs.id', '=', ownerId)
        .executeTakeFirst();
      return row && { divisionId: row.division_id, path: row.path, archived: false, cadreUserId: null };
    }
  }
}
