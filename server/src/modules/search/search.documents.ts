import { shanghaiDateKey } from '@tongxin/core/calendar/index';
import type { SearchDocumentInput } from './search.tokens.ts';

/*
 * What each kind of record puts into the search index. Each builder takes the record's row as its
 * module stores it (snake_case columns), so a module's write can index with one line:
 *   await indexDocument(trx, organisationDocument(row));
 * Phones and contact people are never indexed: a person is found by name only, and a phone number
 * typed into a free-text field (a case's content) is masked before it reaches the index.
 */

type Text = string | null | undefined;

const joined = (...parts: Text[]) => parts.filter((part): part is string => Boolean(part && part.trim())).join('\n');
/**
 * The day a hit shows: a calendar date as it is, a timestamp (UTC ISO) as its Beijing day — a
 * request received at 06:30 Beijing time is 22:30 UTC the day before, and must not show that day.
 */
export const day = (value: Text) => (value ? (value.length > 10 ? shanghaiDateKey(value) : value.slice(0, 10)) : null);

export function organisationDocument(row: { id: number; division_id: number; name: string; description?: Text; address?: Text }): SearchDocumentInput {
  return { kind: 'organisation', recordId: row.id, divisionId: row.division_id, title: row.name, subtitle: row.address ?? null, body: joined(row.description, row.address) };
}

/** People by name only; the organisation and position are shown, not searched. */
export function personDocument(row: { id: number; division_id: number; name: string; position?: Text }, organisationName?: Text): SearchDocumentInput {
  return {
    kind: 'person',
    recordId: row.id,
    divisionId: row.division_id,
    title: row.name,
    subtitle: joined(organisationName, row.position).replace(/\n/g, ' · ') || null,
    body: null,
    person: true,
  };
}

export function venueDocument(row: { id: number; division_id: number; name: string; address?: Text; description?: Text }): SearchDocumentInput {
  return { kind: 'venue', recordId: row.id, divisionId: row.division_id, title: row.name, subtitle: row.address ?? null, body: joined(row.description, row.address) };
}

export function projectDocument(row: { id: number; division_id: number; title: string; goal?: Text; start_date?: Text }): SearchDocumentInput {
  return { kind: 'project', recordId: row.id, divisionId: row.division_id, title: row.title, body: row.goal ?? null, date: day(row.start_date) };
}

export function activityDocument(row: { id: number; division_id: number; title: string; summary?: Text; date?: Text }): SearchDocumentInput {
  return { kind: 'activity', recordId: row.id, divisionId: row.division_id, title: row.title, body: row.summary ?? null, date: day(row.date) };
}

/** A need (claim route); its ticket number is searchable, its submitter is not. */
export function needDocument(row: { id: number; division_id: number; title: string; description?: Text; ticket_no?: Text; published_at?: Text; created_at?: Text }): SearchDocumentInput {
  return {
    kind: 'need',
    recordId: row.id,
    divisionId: row.division_id,
    title: row.title,
    subtitle: row.ticket_no ?? null,
    body: joined(row.description, row.ticket_no),
    date: day(row.published_at ?? row.created_at),
  };
}

/** A case (dispatch route); its ticket number is searchable, its submitter is not. */
export function caseDocument(row: { id: number; division_id: number; title: string; content?: Text; ticket_no?: Text; received_at?: Text }): SearchDocumentInput {
  return {
    kind: 'case',
    recordId: row.id,
    divisionId: row.division_id,
    title: row.title,
    subtitle: row.ticket_no ?? null,
    body: joined(row.content, row.ticket_no),
    date: day(row.received_at),
  };
}

export function articleDocument(row: { id: number; division_id: number; title: string; clean_text: string; source?: Text; published_on?: Text }): SearchDocumentInput {
  return { kind: 'article', recordId: row.id, divisionId: row.division_id, title: row.title, subtitle: row.source ?? null, body: row.clean_text, date: row.published_on ?? null };
}
