import type {
  AssignmentCreate,
  Competition,
  CompetitionCreate,
  CompetitionDetail,
  CompetitionUpdate,
  Decision,
  DecisionUpdate,
  Entry,
  EntryCreate,
  Page,
  PhaseKind,
  PhaseUpdate,
  Rater,
  RaterCandidate,
  RaterView,
  Results,
  ReviewSave,
} from '@tongxin/core';
import { api, request } from './client.ts';

export interface AssignmentResult {
  created: number;
  skipped: Array<{ raterId: number | null; entryId: number | null; row: number | null; reason: 'conflict' | 'exists' | 'unknown_rater' | 'unknown_entry' | 'withdrawn' }>;
}
export interface Assignment {
  raterId: number;
  entryId: number;
  createdAt: string;
}
/** A competition in which the signed-in user rates. */
export interface MyCompetition {
  competitionId: number;
  title: string;
  divisionName: string;
  groupId: string;
  reviewOpen: boolean;
  progress: { done: number; total: number };
}
type RaterEntry = RaterView['entries'][number];
/** One entry for scoring; `others` only when the phase shows other raters' scores. */
export type RaterEntryDetail = RaterEntry & {
  nextEntryId: number | null;
  progress: { done: number; total: number };
  others?: Array<{ groupId: string; scores: Record<string, number>; sum: number | null; abstained: boolean }>;
};

export interface CompetitionFilters {
  q?: string;
  year?: number;
  divisionId?: number;
  archived?: 'true' | 'all';
  page: number;
  pageSize: number;
}

export const competitionKeys = {
  all: ['competitions'] as const,
  list: (filters: Partial<CompetitionFilters>) => ['competitions', 'list', filters] as const,
  reviewing: ['competitions', 'reviewing'] as const,
  detail: (id: number) => ['competitions', 'detail', id] as const,
  entries: (id: number) => ['competitions', 'detail', id, 'entries'] as const,
  raters: (id: number) => ['competitions', 'detail', id, 'raters'] as const,
  assignments: (id: number) => ['competitions', 'detail', id, 'assignments'] as const,
  results: (id: number) => ['competitions', 'detail', id, 'results'] as const,
  decision: (id: number) => ['competitions', 'detail', id, 'decision'] as const,
  review: (id: number) => ['competitions', 'detail', id, 'review'] as const,
  reviewEntry: (id: number, entryId: number) => ['competitions', 'detail', id, 'review', entryId] as const,
};

export const listCompetitions = (filters: Partial<CompetitionFilters>) => api.get<Page<Competition>>('/api/competitions', { ...filters });
export const listReviewing = () => api.get<MyCompetition[]>('/api/competitions/reviewing');
export const fetchCompetition = (id: number) => api.get<CompetitionDetail>(`/api/competitions/${id}`);
export const createCompetition = (input: CompetitionCreate) => api.post<Competition>('/api/competitions', input);
export const updateCompetition = (id: number, input: CompetitionUpdate) => api.patch<Competition>(`/api/competitions/${id}`, input);
export const updatePhase = (id: number, kind: PhaseKind, input: PhaseUpdate) => api.patch<Competition>(`/api/competitions/${id}/phases/${kind}`, input);
export const setPhaseOpen = (id: number, kind: PhaseKind, open: boolean, version: number) =>
  api.post<Competition>(`/api/competitions/${id}/phases/${kind}/${open ? 'open' : 'close'}`, { version });

export const listEntries = (id: number) => api.get<Entry[]>(`/api/competitions/${id}/entries`, { withdrawn: 'true' });
export const createEntry = (id: number, input: EntryCreate) => api.post<Entry>(`/api/competitions/${id}/entries`, input);
export const setEntryWithdrawn = (id: number, entryId: number, withdrawn: boolean, version: number) =>
  api.post<Entry>(`/api/competitions/${id}/entries/${entryId}/${withdrawn ? 'withdraw' : 'restore'}`, { version });

export const listRaters = (id: number) => api.get<Rater[]>(`/api/competitions/${id}/raters`);
/** Users of the organiser's subtree who may be added as raters (no right to manage users needed). */
export const listRaterCandidates = (id: number, q: string) => api.get<RaterCandidate[]>(`/api/competitions/${id}/rater-candidates`, { q: q || undefined });
export const addRaters = (id: number, raters: Array<{ userId: number; groupId: string; organisationId?: number | null }>) =>
  api.post<Rater[]>(`/api/competitions/${id}/raters`, { raters });
export const removeRater = (id: number, raterId: number) => request<void>(`/api/competitions/${id}/raters/${raterId}`, { method: 'DELETE' });
export const listAssignments = (id: number) => api.get<Assignment[]>(`/api/competitions/${id}/assignments`);
export const assign = (id: number, input: AssignmentCreate) => api.post<AssignmentResult>(`/api/competitions/${id}/assignments`, input);

export const fetchResults = (id: number) => api.get<Results>(`/api/competitions/${id}/results`);
export const fetchDecision = (id: number) => api.get<Decision>(`/api/competitions/${id}/decision`);
export const draftDecision = (id: number, input: { note?: string | null; showRanking?: boolean; version?: number }) => api.post<Decision>(`/api/competitions/${id}/decision`, input);
export const editDecision = (id: number, input: DecisionUpdate) => api.put<Decision>(`/api/competitions/${id}/decision`, input);
export const publishDecision = (id: number, version: number) => api.post<Decision>(`/api/competitions/${id}/decision/publish`, { version });

export const fetchRaterView = (id: number) => api.get<RaterView>(`/api/competitions/${id}/review`);
export const fetchRaterEntry = (id: number, entryId: number) => api.get<RaterEntryDetail>(`/api/competitions/${id}/review/entries/${entryId}`);
export const saveReview = (id: number, entryId: number, input: ReviewSave) => api.put<RaterEntryDetail>(`/api/competitions/${id}/review/entries/${entryId}`, input);
export const abstain = (id: number, entryId: number, input: { reason: string; version?: number }) =>
  api.post<RaterEntryDetail>(`/api/competitions/${id}/review/entries/${entryId}/abstain`, input);

/** The name of a rater group: its own name, or its id. */
export function groupName(competition: Pick<Competition, 'settings'>, groupId: string): string {
  return competition.settings.groups.find((g) => g.id === groupId)?.name ?? groupId;
}
