import { pub, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const guideAccess: AccessTable = {
  'GET /api/public/guide': pub,
  'GET /api/public/divisions': pub,
};
