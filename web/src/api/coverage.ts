import type { CoverageMissing, CoverageRule, CoverageRuleCreate, Page } from '@tongxin/core';
import { api } from './client.ts';

export const coverageKeys = {
  all: ['coverage'] as const,
  list: (page: number) => ['coverage', 'list', page] as const,
  missing: (id: number, page: number) => ['coverage', 'missing', id, page] as const,
};

export function listCoverageRules(page: number, pageSize = 20): Promise<Page<CoverageRule>> {
  return api.get<Page<CoverageRule>>('/api/coverage-rules', { page, pageSize });
}

export function listCoverageMissing(id: number, page: number, pageSize = 10): Promise<Page<CoverageMissing>> {
  return api.get<Page<CoverageMissing>>(`/api/coverage-rules/${id}/missing`, { page, pageSize });
}

export function createCoverageRule(input: CoverageRuleCreate): Promise<CoverageRule> {
  return api.post<CoverageRule>('/api/coverage-rules', input);
}
