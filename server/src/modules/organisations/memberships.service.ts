import { shanghaiToday, type MemberListQuery, type MembershipCreate, type MembershipEnd, type MembershipUpdate } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { AppError, fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findLinkTarget } from '../../kernel/registry-lookups.ts';
import { findCurrentMembership, findMembership, insertMembership, searchMembers, toMembership, updateMembership, type MembershipRow } from './memberships.repo.ts';
import { assertCan } from './organisations.policy.ts';
import { findOrganisation } from './organisations.repo.ts';
import { loadOrganisation, targetOf } from './organisations.service.ts';

function today(ctx: ActorContext): string {
  return shanghaiToday(ctx.clock.now());
}

export async function listMembers(ctx: ActorContext, organisationId: number, query: MemberListQuery) {
  await loadOrganisation(ctx, ctx.db, organisationId, 'read');
  return searchMembers(ctx.db, { ...query, organisationId, scopePath: ctx.actor.scopePath, today: today(ctx) });
}

/**
 * The member a new membership names: it must exist (400), lie in the actor's scope (403) — an
 * organisation may take members from anywhere in the actor's subtree, never beyond — and not be
 * archived (400).
 */
async function loadMember(ctx: ActorContext, db: Executor, organisationId: number, input: MembershipCreate) {
  if (input.memberOrganisationId !== undefined) {
    const field = 'body.memberOrganisationId';
    if (input.memberOrganisationId === organisationId) throw fieldError(field, 'validation.membership_self');
    const row = await findOrganisation(db, input.memberOrganisationId);
    if (!row) throw fieldError(field, 'validation.invalid_value');
    assertCan(ctx.actor, 'read', targetOf(row));
    if (row.archived_at !== null) throw fieldError(field, 'validation.archived_reference');
    return { kind: 'organisation' as const, id: row.id, name: row.name };
  }
  const field = 'body.memberPersonId';
  // The people table is read through the kernel's lookup: people depend on organisations, so
  // organisations must not import the people module.
  const person = await findLinkTarget(db, 'people', input.memberPersonId!);
  if (!person) throw fieldError(field, 'validation.invalid_value');
  assertCan(ctx.actor, 'read', { divisionPath: person.divisionPath });
  if (person.archived) throw fieldError(field, 'validation.archived_reference');
  return { kind: 'person' as const, id: person.id, name: person.name };
}

export async function addMember(ctx: ActorContext, organisationId: number, input: MembershipCreate) {
  return ctx.db.transaction().execute(async (trx) => {
    const organisation = await loadOrganisation(ctx, trx, organisationId, 'manage_members');
    if (organisation.archived_at !== null) throw new AppError('invalid_transition');
    const member = await loadMember(ctx, trx, organisationId, input);
    const memberKey = member.kind === 'organisation' ? { organisationId: member.id } : { personId: member.id };
    if (await findCurrentMembership(trx, organisationId, memberKey, today(ctx))) {
      throw new AppError('duplicate', { params: { entity: 'entities.membership', value: member.name } });
    }
    const id = await insertMembership(
      trx,
      {
        organisationId,
        memberOrganisationId: member.kind === 'organisation' ? member.id : null,
        memberPersonId: member.kind === 'person' ? member.id : null,
        role: input.role,
        since: input.since ?? null,
        until: input.until ?? null,
      },
      nowIso(ctx),
    );
    await recordAudit(trx, ctx, {
      action: 'membership.create',
      entity: 'membership',
      entityId: id,
      divisionId: organisation.division_id,
      detail: { organisationId, memberKind: member.kind, memberId: member.id, role: input.role },
    });
    return toMembership((await findMembership(trx, id))!, today(ctx));
  });
}

/** A membership the actor may change: its organisation writable, its member in scope. */
async function loadMembership(ctx: ActorContext, db: Executor, id: number): Promise<MembershipRow> {
  const row = await findMembership(db, id);
  if (!row) throw notFound('membership');
  assertCan(ctx.actor, 'manage_members', { divisionPath: row.organisation_division_path });
  const memberPath = row.mo_division_path ?? row.mp_division_path;
  if (memberPath !== null) assertCan(ctx.actor, 'read', { divisionPath: memberPath });
  return row;
}

function assertDates(since: string | null, until: string | null) {
  if (since !== null && until !== null && until < since) throw fieldError('body.until', 'validation.until_before_since');
}

export async function updateMember(ctx: ActorContext, id: number, input: MembershipUpdate) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadMembership(ctx, trx, id);
    assertDates(input.since !== undefined ? input.since : before.since, input.until !== undefined ? input.until : before.until);
    const { version, ...patch } = input;
    if (!(await updateMembership(trx, id, version, patch, nowIso(ctx)))) throw versionConflict('membership');
    await recordAudit(trx, ctx, {
      action: 'membership.update',
      entity: 'membership',
      entityId: id,
      divisionId: before.organisation_division_id,
      detail: { organisationId: before.organisation_id, changed: Object.keys(patch).sort(), before: { role: before.role, since: before.since, until: before.until } },
    });
    return toMembership((await findMembership(trx, id))!, today(ctx));
  });
}

/** End a membership on a date (today by default). One that has already ended cannot end again. */
export async function endMember(ctx: ActorContext, id: number, input: MembershipEnd) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadMembership(ctx, trx, id);
    if (before.until !== null && before.until < today(ctx)) throw new AppError('invalid_transition');
    const until = input.until ?? today(ctx);
    assertDates(before.since, until);
    if (!(await updateMembership(trx, id, input.version, { until }, nowIso(ctx)))) throw versionConflict('membership');
    await recordAudit(trx, ctx, {
      action: 'membership.end',
      entity: 'membership',
      entityId: id,
      divisionId: before.organisation_division_id,
      detail: { organisationId: before.organisation_id, until },
    });
    return toMembership((await findMembership(trx, id))!, today(ctx));
  });
}
