import { anyone, office, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const peopleAccess: AccessTable = {
  'GET /api/people': anyone,
  'GET /api/people/export': anyone,
  'GET /api/people/:id': anyone,
  'POST /api/people': office,
  'PATCH /api/people/:id': office,
  'POST /api/people/:id/archive': office,
  'POST /api/people/:id/unarchive': office,
  'POST /api/people/:id/reveal-phone': office,
};
