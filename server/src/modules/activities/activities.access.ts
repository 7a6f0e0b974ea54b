import { anyone, office, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const activitiesAccess: AccessTable = {
  'GET /api/activities': anyone,
  'GET /api/activities/export': anyone,
  'GET /api/activities/:id': anyone,
  'POST /api/activities': office,
  'PATCH /api/activities/:id': office,
  'POST /api/activities/:id/archive': office,
};
