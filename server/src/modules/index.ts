import type { FastifyZod } from '../http/fastify-zod.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { divisionRoutes } from './divisions/divisions.routes.ts';
import { importRoutes } from './imports/imports.routes.ts';
import { organisationRoutes } from './organisations/organisations.routes.ts';
import { peopleRoutes } from './people/people.routes.ts';
import { userRoutes } from './users/users.routes.ts';

/** Every module's routes, registered in this order. A new module adds one line here. */
export const modules: Array<(app: FastifyZod) => Promise<void>> = [authRoutes, divisionRoutes, userRoutes, auditRoutes, organisationRoutes, peopleRoutes, importRoutes];
