import { anyone, office, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const resourcesAccess: AccessTable = {
  'GET /api/resources': anyone,
  'GET /api/resources/export': anyone,
  'GET /api/resources/:id': anyone,
  'POST /api/resources': office,
  'PATCH /api/resources/:id': office,
  'POST /api/resources/:id/archive': office,
  'POST /api/resources/:id/unarchive': office,
  'POST /api/resources/:id/reveal-phone': office,
};
