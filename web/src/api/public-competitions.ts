import type { PublicResult, PublicVotePage } from '@tongxin/core';
import { request } from './client.ts';

/** The public vote and result pages (no sign-in): a verified phone's token rides in `x-voter-token`. */
export interface PublicCompetitionSummary {
  id: number;
  title: string;
  year: number | null;
  divisionName: string;
  voteOpen: boolean;
  published: boolean;
  publishedAt: string | null;
}

const tokenKey = 'tongxin.voterToken';

/** The voter token lives in this tab only (sessionStorage): it is valid two hours and tied to a phone. */
export function voterToken(): string | null {
  try {
    return sessionStorage.getItem(tokenKey);
  } catch {
    return null;
  }
}

export function keepVoterToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(tokenKey, token);
    else sessionStorage.removeItem(tokenKey);
  } catch {
    // Private mode without storage: the token lasts until the page is left.
  }
}

function tokenHeaders(): Record<string, string> {
  const token = voterToken();
  return token ? { 'x-voter-token': token } : {};
}

export const publicCompetitionKeys = {
  list: ['public-competitions'] as const,
  page: (id: number) => ['public-competitions', id, 'page'] as const,
  result: (id: number) => ['public-competitions', id, 'result'] as const,
};

const quiet = { quietUnauthenticated: true } as const;

export const listPublicCompetitions = () => request<PublicCompetitionSummary[]>('/api/public/competitions', quiet);
export const fetchVotePage = (id: number) => request<PublicVotePage>(`/api/public/competitions/${id}`, { ...quiet, headers: tokenHeaders() });
export const fetchPublicResult = (id: number) => request<PublicResult>(`/api/public/competitions/${id}/result`, quiet);
export const requestVoteCode = (phone: string) =>
  request<{ expiresInSeconds: number; resendAfterSeconds: number }>('/api/public/vote-codes', { ...quiet, method: 'POST', body: { phone } });
export const verifyVoteCode = (phone: string, code: string) =>
  request<{ voterToken: string; expiresAt: string }>('/api/public/vote-codes/verify', { ...quiet, method: 'POST', body: { phone, code } });
export const castVote = (id: number, entryId: number) =>
  request<{ entryId: number; votes?: number }>(`/api/public/competitions/${id}/votes`, { ...quiet, method: 'POST', body: { entryId }, headers: tokenHeaders() });
