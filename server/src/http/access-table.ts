import { mergeAccessTables, openToParticipant, pub, type AccessTable, type RouteAccess } from '../kernel/access.ts';
import { authAccess } from '../modules/auth/auth.access.ts';
import { divisionsAccess } from '../modules/divisions/divisions.access.ts';
import { usersAccess } from '../modules/users/users.access.ts';
import { auditAccess } from '../modules/audit/audit.access.ts';
import { organisationsAccess } from '../modules/organisations/organisations.access.ts';
import { peopleAccess } from '../modules/people/people.access.ts';
import { importsAccess } from '../modules/imports/imports.access.ts';
import { projectsAccess } from '../modules/projects/projects.access.ts';
import { activitiesAccess } from '../modules/activities/activities.access.ts';
import { pairingsAccess } from '../modules/pairings/pairings.access.ts';
import { liaisonAccess } from '../modules/liaison/liaison.access.ts';
import { privacyAccess } from '../modules/privacy/privacy.access.ts';
import { attachmentsAccess } from '../modules/attachments/attachments.access.ts';
import { venuesAccess } from '../modules/venues/venues.access.ts';
import { brandsAccess } from '../modules/brands/brands.access.ts';
import { serviceKindsAccess } from '../modules/service-kinds/service-kinds.access.ts';
import { resourcesAccess } from '../modules/resources/resources.access.ts';
import { guideAccess } from '../modules/guide/guide.access.ts';
import { articlesAccess } from '../modules/articles/articles.access.ts';
import { searchAccess } from '../modules/search/search.access.ts';
import { competitionsAccess } from '../modules/competitions/competitions.access.ts';
import { votesAccess } from '../modules/votes/votes.access.ts';
import { assessmentsAccess } from '../modules/assessments/assessments.access.ts';
import { casesAccess } from '../modules/cases/cases.access.ts';
import { needsAccess } from '../modules/needs/needs.access.ts';
import { directChannelAccess } from '../modules/direct-channel/direct-channel.access.ts';
import { inboxAccess } from '../modules/inbox/inbox.access.ts';
import { portalAccess } from '../modules/portal/portal.access.ts';
import { campaignsAccess } from '../modules/campaigns/campaigns.access.ts';
import { leadsAccess } from '../modules/leads/leads.access.ts';
import { dashboardAccess } from '../modules/dashboard/dashboard.access.ts';
import { briefingsAccess } from '../modules/briefings/briefings.access.ts';
import { metaAccess } from '../modules/meta/meta.access.ts';
import { participantsAccess } from '../modules/participants/participants.access.ts';
import { eventsAccess } from '../modules/events/events.access.ts';
import { outboxAccess } from '../modules/outbox/outbox.access.ts';
import { coverageAccess } from '../modules/coverage/coverage.access.ts';
import { noticesAccess } from '../modules/notices/notices.access.ts';

// The declarations' shape and helpers live in the kernel; re-exported here for existing importers.
export { openToParticipant, type AccessTable, type RouteAccess };

/**
 * Routes of the application shell (not of a module), and routes added here while their module has
 * no `.access.ts` entry yet: the lead moves those next to their module's routes.
 */
const shellAccess: AccessTable = {
  'GET /api/openapi.json': pub,
  'GET /api/health': pub,
  'GET /api/ready': pub,
};

/**
 * Who may call each API route: every module's own declarations (`modules/<domain>/<domain>.access.ts`)
 * merged with the entries above. A route declared twice throws at start; a route declared nowhere
 * makes `buildApp` throw (server/src/kernel/access.ts enforces this table on every request).
 */
export const accessTable: AccessTable = mergeAccessTables(
  shellAccess,
  authAccess,
  divisionsAccess,
  usersAccess,
  auditAccess,
  organisationsAccess,
  peopleAccess,
  importsAccess,
  projectsAccess,
  activitiesAccess,
  pairingsAccess,
  liaisonAccess,
  privacyAccess,
  attachmentsAccess,
  venuesAccess,
  brandsAccess,
  serviceKindsAccess,
  resourcesAccess,
  guideAccess,
  articlesAccess,
  searchAccess,
  competitionsAccess,
  votesAccess,
  assessmentsAccess,
  casesAccess,
  needsAccess,
  directChannelAccess,
  inboxAccess,
  portalAccess,
  campaignsAccess,
  leadsAccess,
  dashboardAccess,
  briefingsAccess,
  metaAccess,
  participantsAccess,
  eventsAccess,
  outboxAccess,
  coverageAccess,
  noticesAccess,
);
