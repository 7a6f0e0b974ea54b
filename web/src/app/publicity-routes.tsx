import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { PageLoading } from '../components/PageLoading.tsx';

/** Each page is its own chunk, fetched the first time it is opened; pages use named exports. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

function suspended(element: ReactNode) {
  return <Suspense fallback={<PageLoading />}>{element}</Suspense>;
}

const ArticlesPage = page(() => import('../pages/articles/ArticlesPage.tsx'), 'ArticlesPage');
const ArticleImportPage = page(() => import('../pages/articles/ArticleImportPage.tsx'), 'ArticleImportPage');
const ArticleDetailPage = page(() => import('../pages/articles/ArticleDetailPage.tsx'), 'ArticleDetailPage');
const MediaPage = page(() => import('../pages/articles/MediaPage.tsx'), 'MediaPage');
const SearchPage = page(() => import('../pages/search/SearchPage.tsx'), 'SearchPage');

/** The publicity archive and the search results inside the signed-in layout (issue 8). */
export const publicityRoutes: RouteObject[] = [
  { path: 'articles', element: suspended(<ArticlesPage />) },
  { path: 'articles/import', element: suspended(<ArticleImportPage />) },
  { path: 'articles/:id', element: suspended(<ArticleDetailPage />) },
  { path: 'media', element: suspended(<MediaPage />) },
  { path: 'search', element: suspended(<SearchPage />) },
];
