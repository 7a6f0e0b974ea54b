import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { PageLoading } from '../components/PageLoading.tsx';

/** Each page is its own chunk, fetched the first time it is opened; pages use named exports. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

function suspended(element: ReactNode, fullScreen = false) {
  return <Suspense fallback={<PageLoading fullScreen={fullScreen} />}>{element}</Suspense>;
}

const CompetitionsPage = page(() => import('../pages/competitions/CompetitionsPage.tsx'), 'CompetitionsPage');
const CompetitionDetailPage = page(() => import('../pages/competitions/CompetitionDetailPage.tsx'), 'CompetitionDetailPage');
const ReviewPage = page(() => import('../pages/competitions/ReviewPage.tsx'), 'ReviewPage');
const AssessmentsPage = page(() => import('../pages/assessments/AssessmentsPage.tsx'), 'AssessmentsPage');
const AssessmentDetailPage = page(() => import('../pages/assessments/AssessmentDetailPage.tsx'), 'AssessmentDetailPage');
const CampaignsPage = page(() => import('../pages/campaigns/CampaignsPage.tsx'), 'CampaignsPage');
const CampaignDetailPage = page(() => import('../pages/campaigns/CampaignDetailPage.tsx'), 'CampaignDetailPage');
const LeadsPage = page(() => import('../pages/leads/LeadsPage.tsx'), 'LeadsPage');
const LeadDetailPage = page(() => import('../pages/leads/LeadDetailPage.tsx'), 'LeadDetailPage');
const PublicCompetitionsPage = page(() => import('../pages/competitions/PublicCompetitionPage.tsx'), 'PublicCompetitionsPage');
const PublicCompetitionPage = page(() => import('../pages/competitions/PublicCompetitionPage.tsx'), 'PublicCompetitionPage');

/** The judging and money pages inside the signed-in layout (issue 6). */
export const judgingRoutes: RouteObject[] = [
  { path: 'competitions', element: suspended(<CompetitionsPage />) },
  { path: 'competitions/:id', element: suspended(<CompetitionDetailPage />) },
  { path: 'competitions/:id/review', element: suspended(<ReviewPage />) },
  { path: 'assessments', element: suspended(<AssessmentsPage />) },
  { path: 'assessments/:id', element: suspended(<AssessmentDetailPage />) },
  { path: 'campaigns', element: suspended(<CampaignsPage />) },
  { path: 'campaigns/:id', element: suspended(<CampaignDetailPage />) },
  { path: 'leads', element: suspended(<LeadsPage />) },
  { path: 'leads/:id', element: suspended(<LeadDetailPage />) },
];

/** The public vote and result (no sign-in, outside the layout, phone first). */
export const publicJudgingRoutes: RouteObject[] = [
  { path: '/public/competitions', element: suspended(<PublicCompetitionsPage />, true) },
  { path: '/public/competitions/:id', element: suspended(<PublicCompetitionPage />, true) },
];
