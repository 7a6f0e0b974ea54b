import type { Campaign, CampaignCreate, Page, PledgeCreate, PledgeOutput, ReceiptCreate, ReceiptOutput } from '@tongxin/core';
import { api } from './client.ts';

/** A campaign with per-donor figures and overdue pledges (all amounts in fen). */
export type CampaignDetail = Campaign & {
  byDonor: Array<{ organisationId: number; organisationName: string; pledgedFen: number; receivedFen: number }>;
  overduePledges: Array<{ pledgeId: number; organisationId: number; organisationName: string; dueFen: number; receivedFen: number; shortFen: number }>;
  allowed: string[];
};

export interface CampaignFilters {
  q?: string;
  year?: number;
  divisionId?: number;
  page: number;
  pageSize: number;
}

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (filters: Partial<CampaignFilters>) => ['campaigns', 'list', filters] as const,
  detail: (id: number) => ['campaigns', 'detail', id] as const,
  pledges: (id: number) => ['campaigns', 'detail', id, 'pledges'] as const,
  receipts: (id: number) => ['campaigns', 'detail', id, 'receipts'] as const,
};

export const listCampaigns = (filters: Partial<CampaignFilters>) => api.get<Page<Campaign>>('/api/campaigns', { ...filters });
export const fetchCampaign = (id: number) => api.get<CampaignDetail>(`/api/campaigns/${id}`);
export const createCampaign = (input: CampaignCreate) => api.post<CampaignDetail>('/api/campaigns', input);
/** Every pledge, cancelled ones included (they are shown marked). */
export const listPledges = (id: number) => api.get<PledgeOutput[]>(`/api/campaigns/${id}/pledges`, { cancelled: 'all' });
export const createPledge = (id: number, input: PledgeCreate) => api.post<PledgeOutput>(`/api/campaigns/${id}/pledges`, input);
/** Every receipt, voided ones included (they are shown marked and no longer count). */
export const listReceipts = (id: number) => api.get<ReceiptOutput[]>(`/api/campaigns/${id}/receipts`, { voided: 'all' });
export const createReceipt = (id: number, input: ReceiptCreate) => api.post<ReceiptOutput>(`/api/campaigns/${id}/receipts`, input);
export const cancelPledge = (id: number, pledgeId: number, version: number) => api.post<PledgeOutput>(`/api/campaigns/${id}/pledges/${pledgeId}/cancel`, { version });
export const voidReceipt = (id: number, receiptId: number, reason: string) => api.post<ReceiptOutput>(`/api/campaigns/${id}/receipts/${receiptId}/void`, { reason });
