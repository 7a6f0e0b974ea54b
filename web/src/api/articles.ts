import type { Article, ArticleCounts, ArticleDetail, ArticleFigure, Medium, MediaLevelCode, Page } from '@tongxin/core';
import { api } from './client.ts';

export interface ArticleFilters {
  q?: string;
  divisionId?: number;
  /** Comma-separated levels (and `unknown`), as the API takes them. */
  level?: string;
  mediumId?: number;
  organisationId?: number;
  from?: string;
  to?: string;
  duplicates?: 'include' | 'exclude' | 'only';
  archived?: 'false' | 'true' | 'all';
  sort?: 'publishedAt' | 'createdAt' | 'title';
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export interface ArticleCountsFilters {
  divisionId?: number;
  from?: string;
  to?: string;
  period: 'year' | 'quarter' | 'month' | 'all';
  by: 'division' | 'children';
}

export const articleKeys = {
  all: ['articles'] as const,
  list: (filters: Partial<ArticleFilters>) => ['articles', 'list', filters] as const,
  counts: (filters: ArticleCountsFilters) => ['articles', 'counts', filters] as const,
  detail: (id: number) => ['articles', 'detail', id] as const,
  media: (archived: string) => ['media', archived] as const,
};

export function listArticles(filters: Partial<ArticleFilters>): Promise<Page<Article>> {
  return api.get<Page<Article>>('/api/articles', { ...filters });
}

export function fetchArticleCounts(filters: ArticleCountsFilters): Promise<ArticleCounts> {
  return api.get<ArticleCounts>('/api/articles/counts', { ...filters });
}

export function fetchArticle(id: number): Promise<ArticleDetail> {
  return api.get<ArticleDetail>(`/api/articles/${id}`);
}

export function createArticle(input: { text: string; divisionId?: number; format?: 'auto' | 'text' | 'html'; fileName?: string }): Promise<ArticleDetail> {
  return api.post<ArticleDetail>('/api/articles', input);
}

/** Several .txt/.html/.docx files at once; all are stored or none. */
export function uploadArticles(files: File[], divisionId?: number): Promise<{ items: Article[] }> {
  const form = new FormData();
  if (divisionId) form.append('divisionId', String(divisionId));
  for (const file of files) form.append('files', file, file.name);
  return api.upload<{ items: Article[] }>('/api/articles/upload', form);
}

export interface ArticlePatch {
  title?: string;
  publishedAt?: string | null;
  source?: string | null;
  mediumId?: number | null;
  level?: MediaLevelCode | null;
  authors?: string[];
  editors?: string[];
  duplicateOfId?: null;
  version: number;
}

export function updateArticle(id: number, patch: ArticlePatch): Promise<Article> {
  return api.patch<Article>(`/api/articles/${id}`, patch);
}

export function setArticleArchived(id: number, archived: boolean, version: number): Promise<Article> {
  return api.post<Article>(`/api/articles/${id}/${archived ? 'archive' : 'unarchive'}`, { version });
}

export function updateArticleFigure(id: number, figureId: number, patch: { status?: ArticleFigure['status']; label?: string; figureKey?: string | null; version: number }): Promise<ArticleFigure> {
  return api.patch<ArticleFigure>(`/api/articles/${id}/figures/${figureId}`, patch);
}

export function listMedia(archived: 'false' | 'true' | 'all' = 'false'): Promise<Medium[]> {
  return api.get<Medium[]>('/api/media', { archived });
}

export function createMedium(input: { name: string; aliases: string[]; level: MediaLevelCode }): Promise<Medium> {
  return api.post<Medium>('/api/media', input);
}

export function updateMedium(id: number, patch: { name?: string; aliases?: string[]; level?: MediaLevelCode; version: number }): Promise<Medium> {
  return api.patch<Medium>(`/api/media/${id}`, patch);
}

export function setMediumArchived(id: number, archived: boolean, version: number): Promise<Medium> {
  return api.post<Medium>(`/api/media/${id}/${archived ? 'archive' : 'unarchive'}`, { version });
}
