import type { FastifyZod } from '../http/fastify-zod.ts';
import { activityRoutes } from './activities/activities.routes.ts';
import { attachmentRoutes } from './attachments/attachments.routes.ts';
import { liaisonRoutes } from './liaison/liaison.routes.ts';
import { pairingRoutes } from './pairings/pairings.routes.ts';
import { projectRoutes } from './projects/projects.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { divisionRoutes } from './divisions/divisions.routes.ts';
import { importRoutes } from './imports/imports.routes.ts';
import { organisationRoutes } from './organisations/organisations.routes.ts';
import { peopleRoutes } from './people/people.routes.ts';
import { userRoutes } from './users/users.routes.ts';
import { assessmentRoutes } from './assessments/assessments.routes.ts';
import { voteRoutes } from './votes/votes.routes.ts';
import { competitionRoutes } from './competitions/competitions.routes.ts';
import { venueRoutes } from './venues/venues.routes.ts';
import { brandRoutes } from './brands/brands.routes.ts';
import { serviceKindRoutes } from './service-kinds/service-kinds.routes.ts';
import { resourceRoutes } from './resources/resources.routes.ts';
import { guideRoutes } from './guide/guide.routes.ts';
import { articleRoutes } from './articles/articles.routes.ts';
import { searchRoutes } from './search/search.routes.ts';

/** Every module's routes, registered in this order. A new module adds one line here. */
export const modules: Array<(app: FastifyZod) => Promise<void>> = [authRoutes, divisionRoutes, userRoutes, auditRoutes, organisationRoutes, peopleRoutes, importRoutes, projectRoutes, activityRoutes, pairingRoutes, liaisonRoutes, attachmentRoutes, venueRoutes, brandRoutes, serviceKindRoutes, resourceRoutes, guideRoutes, articleRoutes, searchRoutes, competitionRoutes, voteRoutes, assessmentRoutes];
