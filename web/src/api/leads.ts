import type { Lead, LeadCreate, LeadFigures, LeadStage, LeadUpdate, Page, TalentIntake } from '@tongxin/core';
import { api } from './client.ts';

/** A lead with its stage history and what the user may do. */
export type LeadDetail = Lead & {
  history: Array<{ fromStage: LeadStage | null; toStage: LeadStage; onDate: string; note: string | null; actorName: string | null; at: string }>;
  allowed: string[];
};

export interface LeadFilters {
  q?: string;
  stage?: string;
  origin?: string;
  divisionId?: number;
  signedFrom?: string;
  signedTo?: string;
  page: number;
  pageSize: number;
}

export const leadKeys = {
  all: ['leads'] as const,
  list: (filters: Partial<LeadFilters>) => ['leads', 'list', filters] as const,
  figures: (divisionId: number | undefined) => ['leads', 'figures', divisionId ?? null] as const,
  detail: (id: number) => ['leads', 'detail', id] as const,
  talents: (filters: { page: number; pageSize: number; divisionId?: number | undefined; from?: string | undefined; to?: string | undefined }) => ['leads', 'talents', filters] as const,
};

export const listLeads = (filters: Partial<LeadFilters>) => api.get<Page<Lead>>('/api/leads', { ...filters });
export const fetchLeadFigures = (divisionId?: number) => api.get<LeadFigures>('/api/leads/figures', { divisionId });
export const fetchLead = (id: number) => api.get<LeadDetail>(`/api/leads/${id}`);
export const createLead = (input: LeadCreate) => api.post<LeadDetail>('/api/leads', input);
/** Edit a lead: only the changed fields and the version it was loaded at (409 `version_conflict` when changed meanwhile). */
export const updateLead = (id: number, input: LeadUpdate) => api.patch<LeadDetail>(`/api/leads/${id}`, input);
export const changeLeadStage = (id: number, input: { to: LeadStage; date?: string; contractFen?: number; landedFen?: number; note?: string; version: number }) =>
  api.post<LeadDetail>(`/api/leads/${id}/stage`, input);
export const listTalents = (filters: { page: number; pageSize: number; divisionId?: number | undefined; from?: string | undefined; to?: string | undefined }) => api.get<Page<TalentIntake>>('/api/talent-intakes', { ...filters });
