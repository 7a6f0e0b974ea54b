import type { Meeting, MeetingCreate, MeetingDetail, MeetingQuarter, MeetingUpdate, Page } from '@tongxin/core';
import { api } from './client.ts';

export interface MeetingFilters {
  divisionId?: number;
  year?: number;
  page: number;
  pageSize: number;
}

export const meetingKeys = {
  all: ['liaison-meetings'] as const,
  list: (filters: Partial<MeetingFilters>) => ['liaison-meetings', 'list', filters] as const,
  quarters: (year: number, divisionId: number | undefined) => ['liaison-meetings', 'quarters', year, divisionId] as const,
  detail: (id: number) => ['liaison-meetings', 'detail', id] as const,
};

export function listMeetings(filters: Partial<MeetingFilters>): Promise<Page<Meeting>> {
  return api.get<Page<Meeting>>('/api/liaison/meetings', { ...filters });
}

export function meetingQuarters(year: number, divisionId: number | undefined): Promise<MeetingQuarter[]> {
  return api.get<MeetingQuarter[]>('/api/liaison/meetings/quarters', { year, divisionId });
}

export function fetchMeeting(id: number): Promise<MeetingDetail> {
  return api.get<MeetingDetail>(`/api/liaison/meetings/${id}`);
}

export function createMeeting(input: MeetingCreate): Promise<MeetingDetail> {
  return api.post<MeetingDetail>('/api/liaison/meetings', input);
}

export function updateMeeting(id: number, input: MeetingUpdate): Promise<MeetingDetail> {
  return api.patch<MeetingDetail>(`/api/liaison/meetings/${id}`, input);
}

export function archiveMeeting(id: number, version: number): Promise<MeetingDetail> {
  return api.post<MeetingDetail>(`/api/liaison/meetings/${id}/archive`, { version });
}
