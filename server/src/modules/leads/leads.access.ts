import { anyone, office, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const leadsAccess: AccessTable = {
  'GET /api/leads': anyone,
  'GET /api/leads/export': anyone,
  'GET /api/leads/figures': anyone,
  'POST /api/leads': office,
  'GET /api/leads/:id': anyone,
  'PATCH /api/leads/:id': office,
  'POST /api/leads/:id/stage': office,
  'POST /api/leads/:id/archive': office,
  'POST /api/leads/:id/unarchive': office,
  'GET /api/talent-intakes': anyone,
  'GET /api/talent-intakes/export': anyone,
  'POST /api/talent-intakes': office,
  'GET /api/talent-intakes/:id': anyone,
  'PATCH /api/talent-intakes/:id': office,
  'POST /api/talent-intakes/:id/archive': office,
};
