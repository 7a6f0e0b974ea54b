import { dcAssignmentMachine, dcReportMachine, isWithinScope, type DcAssignInput, type DcAssignmentState, type DcReportCreate, type DcReportListQuery, type DcReportState, type DcSupervisionQuery } from '@tongxin/core';
import { shanghaiDateKey } from '@tongxin/core/calendar/index';
import { nextStates } from '@tongxin/core/sla/index';
import type { Executor } from '../../db/database.ts';
import { AppError, fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { subtreeFilterPath } from '../../kernel/scope.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { allowedStep, checkedStep } from '../cases/transition-errors.ts';
import { actorUnits, actsFor, handlersOfUnit, isOfficeStaff, officeFor, officeStaffOf, toUnit, unitKey, unitNames, unitRefsOf, type ActorUnits } from '../cases/index.ts';
import { unitForDispatch } from '../cases/units.service.ts';
import { findDivision } from '../divisions/index.ts';
import { notify } from '../../kernel/notify.ts';
import {
  assignmentsOfReports,
  eventsOfReport,
  findAssignment,
  findReport,
  insertAssignments,
  insertDcEvents,
  insertReport,
  instructionsOf,
  openAssignments,
  searchReports,
  setReportState,
  updateAssignment,
  updateReport,
  type AssignmentRow,
  type ReportRow,
} from './dc.repo.ts';
import { assignmentsOut, isLate, toReport } from './dc.view.ts';

/*
 * The office side (staff of the report's subtree) records instructions, assigns units and
 * supervises; the unit side (whoever acts for an assigned unit) signs and reports completion; the
 * submitting organisation (whoever acts for it, or office staff on its behalf) submits and reads.
 */

function readable(ctx: ActorContext, units: ActorUnits, report: ReportRow, assignments: readonly AssignmentRow[]): boolean {
  return (
    isWithinScope(report.division_path, ctx.actor.scopePath) ||
    units.organisationIds.includes(report.organisation_id) ||
    assignments.some((a) => actsFor(units, { type: a.unit_type, id: a.unit_id }))
  );
}

const officeSide = (ctx: ActorContext, report: { division_path: string }) => isOfficeStaff(ctx.actor) && isWithinScope(report.division_path, ctx.actor.scopePath);

async function loadReport(ctx: ActorContext, db: Executor, id: number, side: 'read' | 'office') {
  const report = await findReport(db, id);
  if (!report) throw notFound('dc_report');
  const [assignments, units] = await Promise.all([assignmentsOfReports(db, [id]), actorUnits(db, ctx.actor)]);
  if (!readable(ctx, units, report, assignments)) throw new AppError('out_of_scope');
  if (side === 'office' && !officeSide(ctx, report)) throw new AppError('forbidden');
  return { report, assignments, units };
}

const actorOf = (ctx: ActorContext) => ({ actorId: ctx.actor.userId, actorName: ctx.actor.displayName });

export async function create(ctx: ActorContext, input: DcReportCreate) {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const org = await trx.selectFrom('organisations as o').innerJoin('divisions as d', 'd.id', 'o.division_id').select(['o.id', 'o.division_id', 'o.archived_at', 'd.path']).where('o.id', '=', input.organisationId).executeTakeFirst();
    if (!org) throw fieldError('body.organisationId', 'validation.invalid_value');
    if (org.archived_at !== null) throw fieldError('body.organisationId', 'validation.archived_reference');
    const units = await actorUnits(trx, ctx.actor);
    if (!units.organisationIds.includes(org.id)) {
      if (!isWithinScope(org.path, ctx.actor.scopePath)) throw new AppError('out_of_scope');
      if (!isOfficeStaff(ctx.actor)) throw new AppError('forbidden');
    }
    const at = nowIso(ctx);
    const reportId = await insertReport(
      trx,
      { divisionId: org.division_id, officeDivisionId: await officeFor(trx, org.path, org.division_id), organisationId: org.id, kind: input.kind, title: input.title, content: input.content, submittedBy: ctx.actor.userId, submittedAt: at },
      at,
    );
    await insertDcEvents(trx, [{ reportId, at, ...actorOf(ctx), action: 'submit', unit: { type: 'organisation', id: org.id } }]);
    await recordAudit(trx, ctx, { action: 'dc_report.create', entity: 'dc_report', entityId: reportId, divisionId: org.division_id, detail: { title: input.title } });
    return reportId;
  });
  return detail(ctx, id);
}

export async function list(ctx: ActorContext, query: DcReportListQuery) {
  const { divisionId, ...rest } = query;
  const subtreePath = await subtreeFilterPath(ctx.db, ctx.actor, divisionId);
  const units = unitRefsOf(await actorUnits(ctx.db, ctx.actor));
  const { rows, total } = await searchReports(ctx.db, { ...rest, scopePath: ctx.actor.scopePath, units, subtreePath });
  const assignments = await assignmentsOfReports(ctx.db, rows.map((r) => r.id));
  const now = ctx.clock.now();
  return { items: rows.map((row) => toReport(row, assignments, now)), total, page: query.page, pageSize: query.pageSize };
}

export async function detail(ctx: ActorContext, id: number) {
  const { report, assignments, units } = await loadReport(ctx, ctx.db, id, 'read');
  const now = ctx.clock.now();
  const [instructions, events] = await Promise.all([instructionsOf(ctx.db, id), eventsOfReport(ctx.db, id)]);
  const names = await unitNames(ctx.db, events.flatMap((e) => (e.unit_type && e.unit_id !== null ? [{ type: e.unit_type, id: e.unit_id }] : [])));
  const office = officeSide(ctx, report);
  const state = report.state as DcReportState;
  return {
    ...toReport(report, assignments, now),
    content: report.content,
    instructions: instructions.map((i) => ({ id: i.id, leaderName: i.leader_name, content: i.content, instructedAt: i.instructed_at, recordedBy: i.recorded_by })),
    assignments: await assignmentsOut(ctx.db, assignments, now),
    timeline: events.map((e) => ({ id: e.id, at: e.at, action: e.action, note: e.note, actorName: e.actor_name, assignmentId: e.assignment_id, unit: toUnit(e.unit_type, e.unit_id, names) })),
    allowed: office && state !== 'closed' ? ['instruct', ...(state !== 'submitted' ? ['assign'] : []), ...(state === 'assigned' ? ['remind'] : [])] : [],
    actionableAssignmentIds: assignments.filter((a) => a.state !== 'completed' && actsFor(units, { type: a.unit_type, id: a.unit_id })).map((a) => a.id),
  };
}

/** Record a leader's instruction (批示); the first one moves the report to `instructed`. */
export async function instruct(ctx: ActorContext, id: number, input: { leaderName: string; content: string; instructedAt?: string | undefined; version: number }) {
  await ctx.db.transaction().execute(async (trx) => {
    const { report } = await loadReport(ctx, trx, id, 'office');
    const state = report.state as DcReportState;
    if (state === 'closed') allowedStep(dcReportMachine, state, 'instructed');
    const now = ctx.clock.now();
    const at = now.toISOString();
    const instructedAt = input.instructedAt ? new Date(input.instructedAt).toISOString() : at;
    if (new Date(instructedAt).getTime() > now.getTime()) throw fieldError('body.instructedAt', 'requests.validation.in_future');
    const next = state === 'submitted' ? allowedStep(dcReportMachine, state, 'instructed').to : state;
    if (!(await updateReport(trx, id, input.version, { state: next }, at))) throw versionConflict('dc_report');
    await trx.insertInto('dc_instructions').values({ report_id: id, leader_name: input.leaderName, content: input.content, instructed_at: instructedAt, recorded_by: ctx.actor.userId, created_at: at }).execute();
    await insertDcEvents(trx, [{ reportId: id, at, ...actorOf(ctx), action: 'instruct', note: `${input.leaderName}：${input.content}` }]);
    await notify(trx, { recipients: await handlersOfUnit(trx, { type: 'organisation', id: report.organisation_id }), kind: 'instruction', entity: 'report', entityId: id, params: { title: report.title }, at, exceptUserId: ctx.actor.userId });
    await recordAudit(trx, ctx, { action: 'dc_report.instruct', entity: 'dc_report', entityId: id, divisionId: report.division_id, detail: { leaderName: input.leaderName } });
  });
  return detail(ctx, id);
}

/** Assign (交办) the report to units with deadlines; each unit is notified. */
export async function assign(ctx: ActorContext, id: number, input: DcAssignInput) {
  await ctx.db.transaction().execute(async (trx) => {
    const { report, assignments } = await loadReport(ctx, trx, id, 'office');
    const state = report.state as DcReportState;
    if (state !== 'assigned') allowedStep(dcReportMachine, state, 'assigned');
    const today = shanghaiDateKey(ctx.clock.now());
    const seen = new Set(assignments.filter((a) => a.state !== 'completed').map((a) => unitKey({ type: a.unit_type, id: a.unit_id })));
    const list = [];
    for (const [i, item] of input.units.entries()) {
      const unit = await unitForDispatch(ctx, trx, item.unit, `body.units.${i}.unit`);
      if (seen.has(unitKey(unit))) throw fieldError(`body.units.${i}.unit`, 'validation.unique_items');
      seen.add(unitKey(unit));
      if (item.deadline < today) throw fieldError(`body.units.${i}.deadline`, 'requests.validation.in_past');
      list.push({ unit, deadline: item.deadline, task: item.task?.trim() || null });
    }
    const at = nowIso(ctx);
    if (!(await updateReport(trx, id, input.version, { state: 'assigned' }, at))) throw versionConflict('dc_report');
    const ids = await insertAssignments(trx, id, list, at);
    await insertDcEvents(trx, list.map((a, i) => ({ reportId: id, assignmentId: ids[i]!, at, ...actorOf(ctx), action: 'assign', note: a.task ? `${a.task}（${a.deadline}）` : a.deadline, unit: a.unit })));
    for (const [i, a] of list.entries()) {
      await notify(trx, { recipients: await handlersOfUnit(trx, a.unit), kind: 'assignment', entity: 'report', entityId: id, params: { title: report.title, deadline: a.deadline, assignmentId: ids[i]! }, at, exceptUserId: ctx.actor.userId });
    }
    await recordAudit(trx, ctx, { action: 'dc_report.assign', entity: 'dc_report', entityId: id, divisionId: report.division_id, detail: { units: list.map((a) => unitKey(a.unit)) } });
  });
  return detail(ctx, id);
}

async function loadAssignment(ctx: ActorContext, db: Executor, id: number, side: 'unit' | 'office') {
  const assignment = await findAssignment(db, id);
  if (!assignment) throw notFound('dc_assignment');
  const loaded = await loadReport(ctx, db, assignment.report_id, 'read');
  const unit = { type: assignment.unit_type, id: assignment.unit_id };
  if (side === 'unit' && !actsFor(loaded.units, unit)) throw new AppError('forbidden');
  if (side === 'office' && !officeSide(ctx, loaded.report)) throw new AppError('forbidden');
  return { assignment, unit, ...loaded };
}

/** The unit signs for (accepted) or reports completion of (completed, with evidence) its assignment. */
export async function step(ctx: ActorContext, assignmentId: number, to: 'accepted' | 'completed', input: { note?: string | undefined; evidence?: string | undefined; version: number }) {
  const reportId = await ctx.db.transaction().execute(async (trx) => {
    const { assignment, unit, report, assignments } = await loadAssignment(ctx, trx, assignmentId, 'unit');
    const from = assignment.state as DcAssignmentState;
    const transition = allowedStep(dcAssignmentMachine, from, to);
    checkedStep(dcAssignmentMachine, from, to, to === 'completed' ? input.evidence : input.note, to === 'completed' ? 'body.evidence' : 'body.note');
    const at = nowIso(ctx);
    const patch = to === 'accepted' ? { state: to, accepted_at: at } : { state: to, completed_at: at, evidence: input.evidence! };
    if (!(await updateAssignment(trx, assignmentId, input.version, patch, at))) throw versionConflict('dc_assignment');
    await insertDcEvents(trx, [{ reportId: report.id, assignmentId, at, ...actorOf(ctx), action: transition.action, note: to === 'completed' ? input.evidence! : (input.note ?? null), unit }]);
    if (to === 'completed') {
      await notify(trx, { recipients: await officeStaffOf(trx, report.office_division_id), kind: 'completed', entity: 'report', entityId: report.id, params: { title: report.title }, at, exceptUserId: ctx.actor.userId });
      // The report closes when its last unit reports done.
      if (assignments.every((a) => a.id === assignmentId || a.state === 'completed')) {
        allowedStep(dcReportMachine, report.state as DcReportState, 'closed');
        await setReportState(trx, report.id, 'closed', at);
        await insertDcEvents(trx, [{ reportId: report.id, at, ...actorOf(ctx), action: 'close' }]);
      }
    }
    await recordAudit(trx, ctx, { action: `dc_assignment.${transition.action}`, entity: 'dc_assignment', entityId: assignmentId, divisionId: report.division_id });
    return report.id;
  });
  return detail(ctx, reportId);
}

/** Supervision (督办) reminds a unit; recorded on the timeline and notified. */
export async function remind(ctx: ActorContext, assignmentId: number, note: string | undefined) {
  const reportId = await ctx.db.transaction().execute(async (trx) => {
    const { assignment, unit, report } = await loadAssignment(ctx, trx, assignmentId, 'office');
    if (assignment.state === 'completed') throw new AppError('invalid_transition', { details: { allowed: nextStates(dcAssignmentMachine, 'completed') } });
    const at = nowIso(ctx);
    await insertDcEvents(trx, [{ reportId: report.id, assignmentId, at, ...actorOf(ctx), action: 'reminded', note: note ?? null, unit }]);
    await notify(trx, { recipients: await handlersOfUnit(trx, unit), kind: 'reminder', entity: 'report', entityId: report.id, params: { title: report.title, deadline: assignment.deadline }, at, exceptUserId: ctx.actor.userId });
    await recordAudit(trx, ctx, { action: 'dc_assignment.remind', entity: 'dc_assignment', entityId: assignmentId, divisionId: report.division_id });
    return report.id;
  });
  return detail(ctx, reportId);
}

/** Every open assignment of the reader's subtree with its supervision state, soonest deadline first. */
export async function supervision(ctx: ActorContext, query: DcSupervisionQuery) {
  const subtreePath = await subtreeFilterPath(ctx.db, ctx.actor, query.divisionId);
  const now = ctx.clock.now();
  let rows = await openAssignments(ctx.db, { scopePath: ctx.actor.scopePath, subtreePath, states: query.state ?? ['assigned', 'accepted'] });
  if (query.overdue !== undefined) rows = rows.filter((row) => isLate(row, now) === (query.overdue === 'true'));
  return assignmentsOut(ctx.db, rows, now);
}
