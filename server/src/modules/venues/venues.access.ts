import { anyone, office, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const venuesAccess: AccessTable = {
  'GET /api/venues': anyone,
  'GET /api/venues/export': anyone,
  'GET /api/venues/:id': anyone,
  'POST /api/venues': office,
  'PATCH /api/venues/:id': office,
  'POST /api/venues/:id/archive': office,
  'POST /api/venues/:id/unarchive': office,
};
