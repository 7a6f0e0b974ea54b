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

const ProjectsPage = page(() => import('../pages/projects/ProjectsPage.tsx'), 'ProjectsPage');
const ProjectDetailPage = page(() => import('../pages/projects/ProjectDetailPage.tsx'), 'ProjectDetailPage');
const ClosedLoopPage = page(() => import('../pages/projects/ClosedLoopPage.tsx'), 'ClosedLoopPage');
const ActivitiesPage = page(() => import('../pages/activities/ActivitiesPage.tsx'), 'ActivitiesPage');
const ActivityDetailPage = page(() => import('../pages/activities/ActivityDetailPage.tsx'), 'ActivityDetailPage');
const ProgrammesPage = page(() => import('../pages/pairings/ProgrammesPage.tsx'), 'ProgrammesPage');
const ProgrammeDetailPage = page(() => import('../pages/pairings/ProgrammeDetailPage.tsx'), 'ProgrammeDetailPage');
const RelationshipsPage = page(() => import('../pages/liaison/RelationshipsPage.tsx'), 'RelationshipsPage');
const RelationshipPage = page(() => import('../pages/liaison/RelationshipPage.tsx'), 'RelationshipPage');

/** The work pages inside the signed-in layout (issue 4): projects, activities, pairing programmes, liaison. */
export const workRoutes: RouteObject[] = [
  { path: 'projects', element: suspended(<ProjectsPage />) },
  { path: 'projects/closed-loop', element: suspended(<ClosedLoopPage />) },
  { path: 'projects/:id', element: suspended(<ProjectDetailPage />) },
  { path: 'activities', element: suspended(<ActivitiesPage />) },
  { path: 'activities/:id', element: suspended(<ActivityDetailPage />) },
  { path: 'pairings', element: suspended(<ProgrammesPage />) },
  { path: 'pairings/:id', element: suspended(<ProgrammeDetailPage />) },
  { path: 'liaison', element: suspended(<RelationshipsPage />) },
  { path: 'liaison/:id', element: suspended(<RelationshipPage />) },
];
