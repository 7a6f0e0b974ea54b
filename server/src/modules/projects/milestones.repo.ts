import { isMilestoneOverdue, type Milestone } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import type { MilestoneRow } from '../../db/types-work.ts';
import { listAttachments, toAttachmentSummary } from '../attachments/index.ts';

type MilestoneWithNames = MilestoneRow & { completed_by_name: string | null };

export async function findMilestone(db: Executor, projectId: number, id: number): Promise<MilestoneRow | undefined> {
  return db
    .selectFrom('project_milestones')
    .selectAll()
    .where('id', '=', id)
    .where('project_id', '=', projectId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}

/** A project's live milestones by due date, each with its overdue flag and evidence files. */
export async function listMilestones(db: Executor, projectId: number, today: string): Promise<Milestone[]> {
  const rows: MilestoneWithNames[] = await db
    .selectFrom('project_milestones')
    .leftJoin('users', 'users.id', 'project_milestones.completed_by')
    .selectAll('project_milestones')
    .select('users.display_name as completed_by_name')
    .where('project_milestones.project_id', '=', projectId)
    .where('project_milestones.archived_at', 'is', null)
    .orderBy('project_milestones.due_date')
    .orderBy('project_milestones.id')
    .execute();
  const files = await listAttachments(db, 'milestone', rows.map((row) => row.id));
  return rows.map((row) => {
    const attachments = files.filter((file) => file.owner_id === row.id).map(toAttachmentSummary);
    const dueDate = row.due_date;
    const completedAt = row.completed_at;
    return {
      id: row.id,
      projectId: row.project_id,
      title: row.title,
      dueDate,
      completedAt,
      completedBy: row.completed_by === null ? null : { id: row.completed_by, name: row.completed_by_name ?? '' },
      evidence: row.evidence,
      overdue: isMilestoneOverdue({ dueDate, completedAt }, today),
      unevidenced: completedAt !== null && !row.evidence && attachments.length === 0,
      attachments,
      version: row.version,
    };
  });
}

/** Open milestones block "done": the ids of those not yet completed. */
export async function openMilestoneIds(db: Executor, projectId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('project_milestones')
    .select('id')
    .where('project_id', '=', projectId)
    .where('archived_at', 'is', null)
    .where('completed_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Live milestones completed with neither evidence text nor a live attachment: a loop closes only
 * with evidence (issue 16), so these keep a project from "done".
 */
export async function unevidencedMilestoneIds(db: Executor, projectId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('project_milestones as m')
    .select('m.id')
    .where('m.project_id', '=', projectId)
    .where('m.archived_at', 'is', null)
    .where('m.completed_at', 'is not', null)
    .where((eb) => eb.or([eb('m.evidence', 'is', null), eb('m.evidence', '=', '')]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('attachments as a').select('a.id').where('a.owner_type', '=', 'milestone').whereRef('a.owner_id', '=', 'm.id').where('a.deleted_at', 'is', null),
        ),
      ),
    )
    .orderBy('m.id')
    .execute();
  return rows.map((row) => row.id);
}

export async function insertMilestones(db: Executor, projectId: number, items: Array<{ title: string; dueDate: string }>, at: string): Promise<number[]> {
  if (items.length === 0) return [];
  const rows = await db
    .insertInto('project_milestones')
    .values(items.map((item, index) => ({ project_id: projectId, title: item.title, due_date: item.dueDate, sort_order: index, created_at: at, updated_at: at })))
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

export interface MilestonePatch {
  title?: string;
  due_date?: string;
  completed_at?: string | null;
  completed_by?: number | null;
  evidence?: string | null;
  archived_at?: string;
}

export async function updateMilestone(db: Executor, id: number, version: number | undefined, patch: MilestonePatch, at: string): Promise<boolean> {
  let query = db
    .updateTable('project_milestones')
    .set((eb) => ({ ...patch, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id);
  if (version !== undefined) query = query.where('version', '=', version);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
