import { maskPhone, type Case, type CaseCategory, type CaseChannel, type CaseEvent } from '@tongxin/core';
import type { DispatchState, RequestClock, RequestClocks, RequestKind, Satisfaction } from '@tongxin/core/sla/index';
import type { Executor } from '../../db/database.ts';
import { isOverdue } from './case-clocks.ts';
import type { CaseEventRow, CaseRow } from './cases.repo.ts';
import { toUnit, unitNames } from './units.repo.ts';

/** Row → API shape. The submitter's phone is masked here, so no list can forget to. */
export function toCase(row: CaseRow, clocks: RequestClocks, names: Map<string, string>): Case {
  return {
    id: row.id,
    ticketNo: row.ticket_no,
    divisionId: row.division_id,
    divisionName: row.division_name,
    officeDivisionId: row.office_division_id,
    kind: row.kind as RequestKind,
    category: row.category as CaseCategory,
    channel: row.channel as CaseChannel,
    title: row.title,
    state: row.state as DispatchState,
    leadUnit: toUnit(row.lead_unit_type, row.lead_unit_id, names),
    submitterName: row.submitter_name,
    submitterPhone: maskPhone(row.submitter_phone),
    submitterOrganisation: row.submitter_organisation_id !== null ? { id: row.submitter_organisation_id, name: row.submitter_organisation_name ?? '' } : null,
    receivedAt: row.received_at,
    satisfaction: row.satisfaction as Satisfaction | null,
    solved: row.solved === null ? null : row.solved === 1,
    clocks: { accept: clockOut(clocks.accept), contact: clockOut(clocks.contact), reply: clockOut(clocks.reply) },
    overdue: isOverdue(clocks),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function clockOut(clock: RequestClock) {
  return { ...clock };
}

export function toCaseEvent(row: CaseEventRow, names: Map<string, string>): CaseEvent {
  return {
    id: row.id,
    at: row.at,
    action: row.action,
    fromState: row.from_state as DispatchState | null,
    toState: row.to_state as DispatchState | null,
    note: row.note,
    public: row.is_public === 1,
    actorName: row.actor_name,
    unit: toUnit(row.unit_type, row.unit_id, names),
  };
}

/** Many cases with their clocks and unit names, in the order given. */
export async function casesOut(db: Executor, rows: readonly CaseRow[], clocks: Map<number, RequestClocks>): Promise<Case[]> {
  const names = await unitNames(
    db,
    rows.flatMap((row) => (row.lead_unit_type && row.lead_unit_id ? [{ type: row.lead_unit_type, id: row.lead_unit_id }] : [])),
  );
  return rows.map((row) => toCase(row, clocks.get(row.id)!, names));
}
