import type { GuideDivision, GuideVenue, Page } from '@tongxin/core';
import { api } from './client.ts';

/** The public service guide 服务指南: no sign-in, public venues only. */
export interface GuideFilters {
  divisionId?: number;
  q?: string;
  page: number;
  pageSize: number;
}

export const guideKeys = {
  venues: (filters: GuideFilters) => ['guide', 'venues', filters] as const,
  divisions: (parentId: number | null) => ['guide', 'divisions', parentId] as const,
};

export function searchGuide(filters: GuideFilters): Promise<Page<GuideVenue>> {
  return api.get<Page<GuideVenue>>('/api/public/guide', { ...filters });
}

export function fetchGuideDivisions(parentId: number | null): Promise<GuideDivision[]> {
  return api.get<GuideDivision[]>('/api/public/divisions', { parentId });
}
