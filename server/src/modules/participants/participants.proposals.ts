import { proposalFields, type Proposal, type ProposalCreate, type ProposalField } from '@tongxin/core';
import { AppError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { updateIn as updateOrganisationIn } from '../organisations/organisations.service.ts';
import { assertOffice, assertParticipant, isOffice } from './participants.policy.ts';
import {
  decideProposal,
  findProposal,
  insertProposal,
  organisationOfUser,
  proposalsInScope,
  proposalsOfOrganisation,
  type ProposalRow,
} from './participants.repo.ts';

/*
 * Self-service profile updates (申报 → 审核): a participant proposes new values for their
 * organisation's contact person, phone, address and description; nothing changes until office staff
 * of the organisation's subtree approve, and then the organisation's own update (its checks, audit
 * and search sync) runs in the same transaction as the decision.
 */

const columnOf: Record<ProposalField, 'contact_name' | 'contact_phone' | 'address' | 'description'> = {
  contactName: 'contact_name',
  contactPhone: 'contact_phone',
  address: 'address',
  description: 'description',
};

/** The proposal with its diff against what the record holds now. */
function toProposal(row: ProposalRow): Proposal {
  const changes = JSON.parse(row.changes) as Partial<Record<ProposalField, string | null>>;
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    status: row.status as Proposal['status'],
    diff: proposalFields.filter((field) => field in changes).map((field) => ({ field, current: row[columnOf[field]], proposed: changes[field] ?? null })),
    proposedBy: row.proposed_by_name,
    decidedBy: row.decided_by_name,
    decidedAt: row.decided_at,
    note: row.note,
    version: row.version,
    createdAt: row.created_at,
  };
}

async function ownOrganisation(ctx: ActorContext) {
  assertParticipant(ctx.actor);
  const org = await organisationOfUser(ctx.db, ctx.actor.userId);
  // A volunteer bound to no organisation has no record to propose changes to.
  if (!org) throw new AppError('forbidden');
  return org;
}

export async function propose(ctx: ActorContext, input: ProposalCreate): Promise<Proposal> {
  const org = await ownOrganisation(ctx);
  if (org.archived_at !== null) throw new AppError('invalid_transition', { details: { reason: 'archived' } });
  const changes = Object.fromEntries(proposalFields.filter((field) => input[field] !== undefined).map((field) => [field, input[field]]));
  const id = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertProposal(trx, { organisationId: org.id, divisionId: org.division_id, changes: JSON.stringify(changes), proposedBy: ctx.actor.userId, at: nowIso(ctx) });
    // Field names only: contact names and phones stay out of the audit trail.
    await recordAudit(trx, ctx, { action: 'organisation.propose', entity: 'organisation', entityId: org.id, divisionId: org.division_id, detail: { proposalId: created, fields: Object.keys(changes).sort() } });
    return created;
  });
  return toProposal((await findProposal(ctx.db, id))!);
}

export async function mine(ctx: ActorContext): Promise<Proposal[]> {
  const org = await ownOrganisation(ctx);
  return (await proposalsOfOrganisation(ctx.db, org.id)).map(toProposal);
}

export async function inbox(ctx: ActorContext, status: Proposal['status'] | undefined): Promise<Proposal[]> {
  if (!isOffice(ctx.actor)) throw new AppError('forbidden');
  return (await proposalsInScope(ctx.db, ctx.actor.scopePath, status)).map(toProposal);
}

export async function detail(ctx: ActorContext, id: number): Promise<Proposal> {
  const row = await findProposal(ctx.db, id);
  if (!row) throw notFound('record');
  assertOffice(ctx.actor, row.division_path);
  return toProposal(row);
}

/** Approve (the changes go live) or reject, at the version the office saw; both audited. */
export async function decide(ctx: ActorContext, id: number, input: { decision: 'approve' | 'reject'; note?: string | undefined; version: number }): Promise<Proposal> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findProposal(trx, id);
    if (!row) throw notFound('record');
    assertOffice(ctx.actor, row.division_path);
    if (row.status !== 'pending') throw new AppError('invalid_transition', { details: { from: row.status } });
    const at = nowIso(ctx);
    if (!(await decideProposal(trx, id, input.version, { status: input.decision === 'approve' ? 'approved' : 'rejected', decidedBy: ctx.actor.userId, note: input.note ?? null, at }))) {
      throw versionConflict('record');
    }
    if (input.decision === 'approve') {
      const changes = JSON.parse(row.changes) as Partial<Record<ProposalField, string | null>>;
      await updateOrganisationIn(ctx, trx, row.organisation_id, { ...changes, version: row.organisation_version });
    }
    await recordAudit(trx, ctx, {
      action: input.decision === 'approve' ? 'organisation.proposal_approved' : 'organisation.proposal_rejected',
      entity: 'organisation',
      entityId: row.organisation_id,
      divisionId: row.division_id,
      detail: { proposalId: id, fields: Object.keys(JSON.parse(row.changes) as object).sort() },
    });
  });
  return toProposal((await findProposal(ctx.db, id))!);
}
