import type { Page, Pair, PairCreate, PairingKind, Programme, ProgrammeCreate, ProgrammeDetail } from '@tongxin/core';
import { api } from './client.ts';

export interface ProgrammeFilters {
  q?: string;
  kind?: PairingKind;
  divisionId?: number;
  page: number;
  pageSize: number;
}

export interface PairFilters {
  q?: string;
  stale?: 'true';
  current?: 'true' | 'false' | 'all';
  page: number;
  pageSize: number;
}

export interface UnpairedOrganisation {
  id: number;
  name: string;
  divisionName: string;
}

export const pairingKeys = {
  all: ['pairings'] as const,
  list: (filters: Partial<ProgrammeFilters>) => ['pairings', 'list', filters] as const,
  detail: (id: number) => ['pairings', 'detail', id] as const,
  pairs: (id: number, filters: Partial<PairFilters>) => ['pairings', 'pairs', id, filters] as const,
  unpaired: (id: number, page: number) => ['pairings', 'unpaired', id, page] as const,
};

export function listProgrammes(filters: Partial<ProgrammeFilters>): Promise<Page<Programme>> {
  return api.get<Page<Programme>>('/api/pairing-programmes', { ...filters });
}

export function fetchProgramme(id: number): Promise<ProgrammeDetail> {
  return api.get<ProgrammeDetail>(`/api/pairing-programmes/${id}`);
}

export function listUnpaired(id: number, page: number, pageSize = 10): Promise<Page<UnpairedOrganisation>> {
  return api.get<Page<UnpairedOrganisation>>(`/api/pairing-programmes/${id}/unpaired`, { page, pageSize });
}

export function listPairs(id: number, filters: Partial<PairFilters>): Promise<Page<Pair>> {
  return api.get<Page<Pair>>(`/api/pairing-programmes/${id}/pairs`, { ...filters });
}

export function createProgramme(input: ProgrammeCreate): Promise<ProgrammeDetail> {
  return api.post<ProgrammeDetail>('/api/pairing-programmes', input);
}

export function createPair(programmeId: number, input: PairCreate): Promise<Pair> {
  return api.post<Pair>(`/api/pairing-programmes/${programmeId}/pairs`, input);
}
