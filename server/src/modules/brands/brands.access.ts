import { anyone, office, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const brandsAccess: AccessTable = {
  'GET /api/brands': anyone,
  'GET /api/brands/matrix': anyone,
  'GET /api/brands/export': anyone,
  'GET /api/brands/:id': anyone,
  'POST /api/brands': office,
  'PATCH /api/brands/:id': office,
  'POST /api/brands/:id/archive': office,
  'POST /api/brands/:id/unarchive': office,
};
