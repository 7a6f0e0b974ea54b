import type { DcAssignment, DcAssignmentState, DcReport, DcReportState } from '@tongxin/core';
import { dayNumberFromKey, shanghaiDateKey } from '@tongxin/core/calendar/index';
import type { Executor } from '../../db/database.ts';
import { toUnit, unitNames } from '../cases/index.ts';
import { supervisionFacts, type AssignmentRow, type ReportRow } from './dc.repo.ts';

/** Calendar days from today (Shanghai) to the deadline; negative once it has passed. */
export function daysLeft(deadline: string, now: Date): number {
  return dayNumberFromKey(deadline) - dayNumberFromKey(shanghaiDateKey(now));
}

/** An assignment not completed whose deadline day is over. */
export function isLate(row: Pick<AssignmentRow, 'state' | 'deadline'>, now: Date): boolean {
  return row.state !== 'completed' && daysLeft(row.deadline, now) < 0;
}

/** Assignments as supervision shows them, with unit names, reminders and escalation. */
export async function assignmentsOut(db: Executor, rows: readonly AssignmentRow[], now: Date): Promise<DcAssignment[]> {
  const [names, facts] = await Promise.all([
    unitNames(db, rows.map((r) => ({ type: r.unit_type, id: r.unit_id }))),
    supervisionFacts(db, rows.map((r) => r.id)),
  ]);
  return rows.map((row) => {
    const f = facts.get(row.id);
    return {
      id: row.id,
      reportId: row.report_id,
      reportTitle: row.report_title,
      unit: toUnit(row.unit_type, row.unit_id, names)!,
      task: row.task,
      deadline: row.deadline,
      state: row.state as DcAssignmentState,
      acceptedAt: row.accepted_at,
      completedAt: row.completed_at,
      evidence: row.evidence,
      overdue: isLate(row, now),
      daysLeft: row.state === 'completed' ? null : daysLeft(row.deadline, now),
      reminders: f?.reminders ?? 0,
      lastReminderAt: f?.lastReminderAt ?? null,
      escalated: f?.escalated ?? false,
      version: row.version,
    };
  });
}

export function toReport(row: ReportRow, assignments: readonly AssignmentRow[], now: Date): DcReport {
  const own = assignments.filter((a) => a.report_id === row.id);
  return {
    id: row.id,
    divisionId: row.division_id,
    divisionName: row.division_name,
    organisation: { id: row.organisation_id, name: row.organisation_name },
    kind: row.kind as DcReport['kind'],
    title: row.title,
    state: row.state as DcReportState,
    submittedAt: row.submitted_at,
    closedAt: row.closed_at,
    progress: { completed: own.filter((a) => a.state === 'completed').length, total: own.length, overdue: own.filter((a) => isLate(a, now)).length },
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
