import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { RegistryTables } from './types-registry.ts';
import type { WorkTables } from './types-work.ts';
import type { JudgingTables } from './types-judging.ts';
import type { PublicityTables } from './types-publicity.ts';
import type { RequestTables } from './types-requests.ts';
import type { BriefingTables } from './types-briefings.ts';
import type { OpsTables } from './types-ops.ts';
import type { DashboardTables } from './types-dashboard.ts';
import type { ParticipantTables } from './types-participants.ts';
import type { MessagingTables } from './types-messaging.ts';
import type { InsightTables } from './types-insight.ts';

/*
 * Row types, kept apart from API types (see `core/`) and mapped explicitly in each repo.
 * Conventions that hold on SQLite and PostgreSQL alike:
 * - ids are integers;
 * - timestamps are UTC ISO 8601 text (`2026-11-25T08:00:00.000Z`), dates are `YYYY-MM-DD` text,
 *   so ordering, comparison and prefix grouping behave the same on both engines;
 * - booleans are 0/1 integers (better-sqlite3 cannot bind a JS boolean);
 * - JSON is text, parsed in the repo.
 */

export interface DivisionsTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  level: string;
  code: string | null;
  path: string;
  depth: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  division_id: number | null;
  roles: string;
  phone: string | null;
  disabled: number;
  locale: string;
  last_sign_in_at: string | null;
  password_changed_at: string;
  /** Set after too many failed sign-ins; only an administrator clears it. */
  locked_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a copy of the table gives nobody a live session. */
  id: string;
  user_id: number;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface SignInAttemptsTable {
  id: Generated<number>;
  username: string;
  ip: string;
  success: number;
  at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  division_id: number | null;
  ip: string | null;
  request_id: string | null;
  detail: string | null;
}

export interface DB extends RegistryTables, WorkTables, PublicityTables, JudgingTables, RequestTables, OpsTables, BriefingTables, DashboardTables, ParticipantTables, MessagingTables, InsightTables {
  divisions: DivisionsTable;
  users: UsersTable;
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  audit_log: AuditLogTable;
}

export type DivisionRow = Selectable<DivisionsTable>;
export type NewDivisionRow = Insertable<DivisionsTable>;
export type DivisionPatch = Updateable<DivisionsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditRow = Selectable<AuditLogTable>;
