import type { Division, DivisionLevel, Page } from '@tongxin/core';
import { api } from './client.ts';

/** A node of the lazy tree: `childCount` 0 means a leaf, so the tree shows no expander. */
export type DivisionNode = Division & { childCount: number };

export type DivisionAction = 'read' | 'create' | 'update';

export type DivisionDetail = Division & {
  ancestors: Array<{ id: number; name: string; level: DivisionLevel }>;
  childCount: number;
  allowed: DivisionAction[];
};

/**
 * The levels in order, kept here rather than imported from core's divisions.ts so the browser
 * bundle does not carry zod for five strings; the type check below fails if core adds a level.
 */
export const divisionLevels = ['province', 'city', 'district', 'town', 'village'] as const satisfies readonly DivisionLevel[];
type MissingLevel = Exclude<DivisionLevel, (typeof divisionLevels)[number]>;
const everyLevelListed: MissingLevel extends never ? true : never = true;
void everyLevelListed;

export const divisionKeys = {
  all: ['divisions'] as const,
  children: (parentId: number | null) => ['divisions', 'children', parentId] as const,
  detail: (id: number) => ['divisions', 'detail', id] as const,
  search: (query: Record<string, unknown>) => ['divisions', 'search', query] as const,
};

export function fetchChildren(parentId: number | null): Promise<DivisionNode[]> {
  return api.get<DivisionNode[]>('/api/divisions/children', { parentId });
}

export function fetchDivision(id: number): Promise<DivisionDetail> {
  return api.get<DivisionDetail>(`/api/divisions/${id}`);
}

export function searchDivisions(query: { q?: string; page?: number; pageSize?: number }): Promise<Page<Division>> {
  return api.get<Page<Division>>('/api/divisions', query);
}

export function createDivision(input: { parentId: number | null; name: string; level: DivisionLevel; code?: string | null }): Promise<Division> {
  return api.post<Division>('/api/divisions', input);
}

export function updateDivision(id: number, input: { name?: string; code?: string | null; version: number }): Promise<Division> {
  return api.patch<Division>(`/api/divisions/${id}`, input);
}
