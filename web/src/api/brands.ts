import type { Brand, BrandDetail, BrandField, BrandMatrix, BrandSortKey, Page } from '@tongxin/core';
import type { ArchivedState } from './registry-enums.ts';
import { api } from './client.ts';

export const brandSortKeys: readonly BrandSortKey[] = ['name', 'field', 'createdAt', 'updatedAt'];

export interface BrandFilters {
  q?: string;
  divisionId?: number;
  /** Comma-separated fields; `none` picks the brands of a place (一街镇一品牌). */
  field?: string;
  archived?: ArchivedState;
  sort?: BrandSortKey;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export interface BrandInput {
  divisionId: number;
  name: string;
  field: BrandField | null;
  description: string | null;
}

export const brandKeys = {
  all: ['brands'] as const,
  list: (filters: Partial<BrandFilters>) => ['brands', 'list', filters] as const,
  detail: (id: number) => ['brands', 'detail', id] as const,
  matrix: (parentId: number | undefined) => ['brands', 'matrix', parentId ?? null] as const,
};

export function listBrands(filters: Partial<BrandFilters>): Promise<Page<Brand>> {
  return api.get<Page<Brand>>('/api/brands', { ...filters });
}

export function fetchBrand(id: number): Promise<BrandDetail> {
  return api.get<BrandDetail>(`/api/brands/${id}`);
}

export function fetchBrandMatrix(parentId: number | undefined): Promise<BrandMatrix> {
  return api.get<BrandMatrix>('/api/brands/matrix', { parentId });
}

export function createBrand(input: BrandInput): Promise<Brand> {
  return api.post<Brand>('/api/brands', input);
}

export function updateBrand(id: number, input: Partial<BrandInput> & { version: number }): Promise<Brand> {
  return api.patch<Brand>(`/api/brands/${id}`, input);
}

export function setBrandArchived(id: number, archived: boolean, version: number): Promise<Brand> {
  return api.post<Brand>(`/api/brands/${id}/${archived ? 'archive' : 'unarchive'}`, { version });
}
