import { anyone, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const venuesAccess: AccessTable = {
  'GET /api/venues': anyone,
  'GET /api/venues/export': anyone,
  'GET /api/venues/:id': anyone,
  'POST /api/venues': anyone,
  'PATCH /api/venues/:id': anyone,
  'POST /api/venues/:id/archive': anyone,
  'POST /api/venues/:id/unarchive': anyone,
};
