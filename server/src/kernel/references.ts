import { isWithinScope, type Actor } from '@tongxin/core';
import type { Executor } from '../db/database.ts';
import { AppError, fieldError } from './errors.ts';
import { pathsOf, type ReferenceKind } from './references.repo.ts';

/*
 * Cross-scope reference checks, one mechanism (issue 13 item 7): any id a request body carries that
 * points at a division or a registry record (organisation, person, brand, venue) must exist and lie
 * in the caller's subtree. One status rule, the house rule (shared/design/style.md):
 * - an unknown id → 400 `validation.reference` on that field;
 * - a record outside the caller's subtree → 403 `out_of_scope`.
 * A module lists its references in one call, so a new reference field is one more line in that list.
 */

export interface Reference {
  /** The field that carries the id, as the error names it: `body.beneficiaryDivisionId`. */
  field: string;
  kind: ReferenceKind;
  /** Absent or null: nothing referenced, nothing checked. */
  id: number | null | undefined;
}

/**
 * Check every reference; the first unknown id (400) or out-of-scope record (403) ends it.
 * Returns each referenced record's division path by field, for callers that need it.
 *
 * @example
 * await assertReferencesInScope(trx, ctx.actor, [{ field: 'body.beneficiaryDivisionId', kind: 'division', id: input.beneficiaryDivisionId }]);
 */
export async function assertReferencesInScope(db: Executor, actor: Actor, references: Reference[]): Promise<Map<string, string>> {
  const wanted = references.filter((r): r is Reference & { id: number } => typeof r.id === 'number');
  const byKind = new Map<ReferenceKind, number[]>();
  for (const r of wanted) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.id]);
  const found = new Map<ReferenceKind, Map<number, string>>();
  for (const [kind, ids] of byKind) found.set(kind, await pathsOf(db, kind, [...new Set(ids)]));
  const paths = new Map<string, string>();
  for (const r of wanted) {
    const path = found.get(r.kind)?.get(r.id);
    if (path === undefined) throw fieldError(r.field, 'validation.reference');
    if (!isWithinScope(path, actor.scopePath)) throw new AppError('out_of_scope', { details: { field: r.field } });
    paths.set(r.field, path);
  }
  return paths;
}
