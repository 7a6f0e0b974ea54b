import { anyone, systemAdmin, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const searchAccess: AccessTable = {
  'GET /api/search': anyone,
  'POST /api/search/reindex': systemAdmin,
};
