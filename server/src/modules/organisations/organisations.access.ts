import { anyone, office, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const organisationsAccess: AccessTable = {
  'GET /api/organisations': anyone,
  'GET /api/organisations/export': anyone,
  'GET /api/organisations/:id': anyone,
  'POST /api/organisations': office,
  'PATCH /api/organisations/:id': office,
  'POST /api/organisations/:id/archive': office,
  'POST /api/organisations/:id/unarchive': office,
  'POST /api/organisations/:id/reveal-phone': office,
  'GET /api/organisations/:id/members': anyone,
  'GET /api/organisations/:id/members/export': anyone,
  'POST /api/organisations/:id/members': office,
  'PATCH /api/memberships/:id': office,
  'POST /api/memberships/:id/end': office,
};
