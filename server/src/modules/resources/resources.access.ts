import { anyone, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const resourcesAccess: AccessTable = {
  'GET /api/resources': anyone,
  'GET /api/resources/export': anyone,
  'GET /api/resources/:id': anyone,
  'POST /api/resources': anyone,
  'PATCH /api/resources/:id': anyone,
  'POST /api/resources/:id/archive': anyone,
  'POST /api/resources/:id/unarchive': anyone,
  'POST /api/resources/:id/reveal-phone': anyone,
};
