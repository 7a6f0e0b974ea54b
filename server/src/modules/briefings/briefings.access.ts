import { office, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const briefingsAccess: AccessTable = {
  'GET /api/briefings': office,
  'POST /api/briefings': office,
  'GET /api/briefings/:id': office,
  'PATCH /api/briefings/:id': office,
  'GET /api/briefings/:id/export': office,
  'GET /api/briefings/:id/figure-check': office,
};
