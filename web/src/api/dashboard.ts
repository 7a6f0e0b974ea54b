import type { Dashboard, DashboardBreakdown } from '@tongxin/core';
import { api } from './client.ts';

/** The subtree (default: the reader's own division) and the Shanghai dates, both inclusive. */
export interface DashboardFilters {
  divisionId?: number;
  from: string;
  to: string;
}

export const dashboardKeys = {
  all: ['dashboard'] as const,
  figures: (filters: DashboardFilters) => ['dashboard', 'figures', filters] as const,
  breakdown: (filters: DashboardFilters) => ['dashboard', 'breakdown', filters] as const,
};

export function fetchDashboard(filters: DashboardFilters): Promise<Dashboard> {
  return api.get<Dashboard>('/api/dashboard', { ...filters });
}

export function fetchBreakdown(filters: DashboardFilters): Promise<DashboardBreakdown> {
  return api.get<DashboardBreakdown>('/api/dashboard/breakdown', { ...filters });
}
