import type { Case, CaseCategory, CaseChannel, CaseCreate, CaseDetail, CaseFigures, CaseTransition, Page, Unit, UnitType } from '@tongxin/core';
import type { DispatchState, RequestKind } from '@tongxin/core/sla/index';
import { api } from './client.ts';

/** The dispatch route (派单办理): cases, their steps, figures and the units to dispatch to. */
export interface CaseFilters {
  q?: string;
  state?: DispatchState;
  kind?: RequestKind;
  category?: CaseCategory;
  channel?: CaseChannel;
  divisionId?: number;
  overdue?: 'true';
  ids?: string;
  /** Received from this Shanghai date, and before `to` (exclusive): the dashboard's drill-down. */
  from?: string;
  to?: string;
  /** Last dispatched to this unit (a row of the dashboard's ranking). */
  unitType?: UnitType;
  unitId?: number;
  page: number;
  pageSize: number;
  sort?: 'receivedAt' | 'updatedAt' | 'title' | 'state';
  order?: 'asc' | 'desc';
}

export const caseKeys = {
  all: ['cases'] as const,
  list: (filters: Partial<CaseFilters>) => ['cases', 'list', filters] as const,
  detail: (id: number) => ['cases', 'detail', id] as const,
  figures: (query: FiguresQuery) => ['cases', 'figures', query] as const,
  units: (q: string) => ['request-units', q] as const,
  myUnits: ['request-units', 'mine'] as const,
};

export interface FiguresQuery {
  from: string;
  to: string;
  divisionId?: number;
  groupBy?: 'unit' | 'division';
}

export const listCases = (filters: Partial<CaseFilters>) => api.get<Page<Case>>('/api/cases', { ...filters });
export const fetchCase = (id: number) => api.get<CaseDetail>(`/api/cases/${id}`);
export const createCase = (input: CaseCreate) => api.post<CaseDetail>('/api/cases', input);
export const transitionCase = (id: number, input: CaseTransition) => api.post<CaseDetail>(`/api/cases/${id}/transition`, input);
export const addCaseNote = (id: number, note: string) => api.post<CaseDetail>(`/api/cases/${id}/notes`, { note });
export const logCaseContact = (id: number, note?: string) => api.post<CaseDetail>(`/api/cases/${id}/contact`, note ? { note } : {});
export const remindCase = (id: number, note?: string) => api.post<CaseDetail>(`/api/cases/${id}/remind`, note ? { note } : {});
export const revealCasePhone = (id: number) => api.post<{ phone: string | null }>(`/api/cases/${id}/reveal-phone`);
export const fetchCaseFigures = (query: FiguresQuery) => api.get<CaseFigures>('/api/cases/figures', { ...query });
export const searchUnits = (q: string, type?: UnitType) => api.get<Unit[]>('/api/request-units', { q: q || undefined, type });
export const fetchMyUnits = () => api.get<Unit[]>('/api/request-units/mine');
