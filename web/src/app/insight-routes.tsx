import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { PageLoading } from '../components/PageLoading.tsx';

/** Each page is its own chunk (the dashboard's carries echarts), fetched the first time it is opened. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

function suspended(element: ReactNode) {
  return <Suspense fallback={<PageLoading />}>{element}</Suspense>;
}

const DashboardPage = page(() => import('../pages/dashboard/DashboardPage.tsx'), 'DashboardPage');
const BriefingsPage = page(() => import('../pages/briefings/BriefingsPage.tsx'), 'BriefingsPage');
const BriefingPage = page(() => import('../pages/briefings/BriefingPage.tsx'), 'BriefingPage');
const CoverageRulesPage = page(() => import('../pages/coverage/CoverageRulesPage.tsx'), 'CoverageRulesPage');

/** The figures pages inside the signed-in layout (issue 7): the dashboard and the briefings. */
export const insightRoutes: RouteObject[] = [
  { path: 'dashboard', element: suspended(<DashboardPage />) },
  { path: 'briefings', element: suspended(<BriefingsPage />) },
  { path: 'briefings/:id', element: suspended(<BriefingPage />) },
  { path: 'coverage', element: suspended(<CoverageRulesPage />) },
];
