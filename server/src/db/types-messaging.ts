import type { Generated } from 'kysely';

/** Tables of the outbox (server/src/modules/outbox, migration 0130). */
export interface OutboxMessagesTable {
  id: Generated<number>;
  channel: string;
  event: string;
  urgent: number;
  user_id: number | null;
  address: string;
  division_id: number | null;
  entity: string | null;
  entity_id: number | null;
  text: string;
  /** JSON object of strings: the template's values. */
  params: string;
  state: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  provider: string | null;
  provider_id: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  finished_at: string | null;
}

export interface MessagePreferencesTable {
  user_id: number;
  event: string;
  channels: string;
  updated_at: string;
}

export interface MessageOptOutsTable {
  address: string;
  source: string;
  created_at: string;
}

/** Notices to a segment (migration 0170). */
export interface NoticesTable {
  id: Generated<number>;
  division_id: number;
  title: string;
  body: string;
  channels: string;
  segment: string;
  state: string;
  created_by: number | null;
  submitted_at: string | null;
  approved_by: number | null;
  approved_at: string | null;
  reject_reason: string | null;
  sent_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface NoticeRecipientsTable {
  id: Generated<number>;
  notice_id: number;
  user_id: number;
  created_at: string;
  read_at: string | null;
}

export interface MessagingTables {
  outbox_messages: OutboxMessagesTable;
  message_preferences: MessagePreferencesTable;
  message_opt_outs: MessageOptOutsTable;
  notices: NoticesTable;
  notice_recipients: NoticeRecipientsTable;
}
