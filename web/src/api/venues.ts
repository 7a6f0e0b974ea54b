import type { Page, Venue, VenueDetail, VenueLevel, VenueSortKey, VenueType } from '@tongxin/core';
import type { ArchivedState } from './registry-enums.ts';
import { api } from './client.ts';

export const venueSortKeys: readonly VenueSortKey[] = ['name', 'type', 'level', 'starRating', 'createdAt', 'updatedAt'];

export interface VenueFilters {
  q?: string;
  divisionId?: number;
  /** Comma-separated lists, as the API takes them. */
  type?: string;
  level?: string;
  stars?: string;
  isPublic?: 'true' | 'false';
  brandId?: number;
  ownerOrganisationId?: number;
  archived?: ArchivedState;
  sort?: VenueSortKey;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export interface VenueInput {
  divisionId: number;
  name: string;
  type: VenueType;
  level: VenueLevel;
  starRating: number | null;
  address: string | null;
  hotline: string | null;
  openingHours: string | null;
  ownerOrganisationId: number | null;
  brandId: number | null;
  isPublic: boolean;
  description: string | null;
}

export const venueKeys = {
  all: ['venues'] as const,
  list: (filters: Partial<VenueFilters>) => ['venues', 'list', filters] as const,
  detail: (id: number) => ['venues', 'detail', id] as const,
};

export function listVenues(filters: Partial<VenueFilters>): Promise<Page<Venue>> {
  return api.get<Page<Venue>>('/api/venues', { ...filters });
}

export function fetchVenue(id: number): Promise<VenueDetail> {
  return api.get<VenueDetail>(`/api/venues/${id}`);
}

export function createVenue(input: VenueInput): Promise<Venue> {
  return api.post<Venue>('/api/venues', input);
}

export function updateVenue(id: number, input: Partial<VenueInput> & { version: number }): Promise<Venue> {
  return api.patch<Venue>(`/api/venues/${id}`, input);
}

export function setVenueArchived(id: number, archived: boolean, version: number): Promise<Venue> {
  return api.post<Venue>(`/api/venues/${id}/${archived ? 'archive' : 'unarchive'}`, { version });
}
