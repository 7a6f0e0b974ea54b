import { pub, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const portalAccess: AccessTable = {
  'GET /api/portal/challenge': pub,
  'GET /api/portal/divisions': pub,
  'POST /api/portal/submissions': pub,
  'POST /api/portal/track': pub,
  'POST /api/portal/photos': { ...pub, note: 'multipart; proven by ticket number + phone last four (portal.photos.test.ts)' },
};
