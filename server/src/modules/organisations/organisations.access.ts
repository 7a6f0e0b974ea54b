import { anyone, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const organisationsAccess: AccessTable = {
  'GET /api/organisations': anyone,
  'GET /api/organisations/export': anyone,
  'GET /api/organisations/:id': anyone,
  'POST /api/organisations': anyone,
  'PATCH /api/organisations/:id': anyone,
  'POST /api/organisations/:id/archive': anyone,
  'POST /api/organisations/:id/unarchive': anyone,
  'POST /api/organisations/:id/reveal-phone': anyone,
  'GET /api/organisations/:id/members': anyone,
  'GET /api/organisations/:id/members/export': anyone,
  'POST /api/organisations/:id/members': anyone,
  'PATCH /api/memberships/:id': anyone,
  'POST /api/memberships/:id/end': anyone,
};
