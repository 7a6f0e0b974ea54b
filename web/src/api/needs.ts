import type { Need, NeedCreate, NeedDetail, NeedRouteToCase, NeedTransition, Page } from '@tongxin/core';
import type { ClaimState } from '@tongxin/core/sla/index';
import { api } from './client.ts';

/** The claim route (需求认领): needs, the open-needs board, claims and confirmations. */
export interface NeedFilters {
  q?: string;
  state?: ClaimState;
  divisionId?: number;
  flag?: 'due_soon' | 'past_due';
  published?: 'true' | 'false';
  page: number;
  pageSize: number;
}

export interface BoardFilters {
  q?: string;
  matchOrganisationId?: number;
  serviceKindId?: string;
  page: number;
  pageSize: number;
}

export const needKeys = {
  all: ['needs'] as const,
  list: (filters: Partial<NeedFilters>) => ['needs', 'list', filters] as const,
  board: (filters: Partial<BoardFilters>) => ['needs', 'board', filters] as const,
  detail: (id: number) => ['needs', 'detail', id] as const,
};

export const listNeeds = (filters: Partial<NeedFilters>) => api.get<Page<Need>>('/api/needs', { ...filters });
export const needBoard = (filters: Partial<BoardFilters>) => api.get<Page<Need>>('/api/needs/board', { ...filters });
export const fetchNeed = (id: number) => api.get<NeedDetail>(`/api/needs/${id}`);
export const createNeed = (input: NeedCreate) => api.post<NeedDetail>('/api/needs', input);
export const publishNeed = (id: number, version: number) => api.post<NeedDetail>(`/api/needs/${id}/publish`, { version });
export const transitionNeed = (id: number, input: NeedTransition) => api.post<NeedDetail>(`/api/needs/${id}/transition`, input);
/** 转为派单办理: the case that now carries the wish's ticket. */
export const routeNeedToCase = (id: number, input: NeedRouteToCase) => api.post<{ caseId: number; ticketNo: string }>(`/api/needs/${id}/route-to-case`, input);
export const revealNeedPhone = (id: number) => api.post<{ phone: string | null }>(`/api/needs/${id}/reveal-phone`);
