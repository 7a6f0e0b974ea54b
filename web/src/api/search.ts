import type { SearchKind, SearchResult } from '@tongxin/core';
import { api } from './client.ts';

export const searchKeys = {
  query: (q: string, kinds: SearchKind[] | undefined, limit: number) => ['search', q, kinds?.join(',') ?? '', limit] as const,
};

/** One search across every kind the user may see, grouped by kind (see `GET /api/search`). */
export function searchEverything(q: string, options: { kinds?: SearchKind[]; limit?: number } = {}): Promise<SearchResult> {
  return api.get<SearchResult>('/api/search', { q, ...(options.kinds ? { kinds: options.kinds.join(',') } : {}), limit: options.limit ?? 5 });
}

/** The page of a record found by search, or null for kinds that have no page in the web app yet. */
export function recordPath(kind: SearchKind, id: number): string | null {
  const paths: Partial<Record<SearchKind, string>> = {
    organisation: 'organisations',
    person: 'people',
    venue: 'venues',
    project: 'projects',
    activity: 'activities',
    need: 'needs',
    case: 'cases',
    article: 'articles',
  };
  const base = paths[kind];
  return base ? `/${base}/${id}` : null;
}
