import { anyone, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const peopleAccess: AccessTable = {
  'GET /api/people': anyone,
  'GET /api/people/export': anyone,
  'GET /api/people/:id': anyone,
  'POST /api/people': anyone,
  'PATCH /api/people/:id': anyone,
  'POST /api/people/:id/archive': anyone,
  'POST /api/people/:id/unarchive': anyone,
  'POST /api/people/:id/reveal-phone': anyone,
};
