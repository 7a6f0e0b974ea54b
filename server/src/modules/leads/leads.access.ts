import { anyone, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const leadsAccess: AccessTable = {
  'GET /api/leads': anyone,
  'GET /api/leads/export': anyone,
  'GET /api/leads/figures': anyone,
  'POST /api/leads': anyone,
  'GET /api/leads/:id': anyone,
  'PATCH /api/leads/:id': anyone,
  'POST /api/leads/:id/stage': anyone,
  'POST /api/leads/:id/archive': anyone,
  'POST /api/leads/:id/unarchive': anyone,
  'GET /api/talent-intakes': anyone,
  'GET /api/talent-intakes/export': anyone,
  'POST /api/talent-intakes': anyone,
  'GET /api/talent-intakes/:id': anyone,
  'PATCH /api/talent-intakes/:id': anyone,
  'POST /api/talent-intakes/:id/archive': anyone,
};
