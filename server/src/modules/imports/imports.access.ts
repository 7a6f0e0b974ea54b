import { anyone, office, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const importsAccess: AccessTable = {
  'GET /api/imports': anyone,
  'GET /api/imports/:entity/template': { ...office, note: 'every list needs an office role (divisions: an administrator)' },
  'POST /api/imports/:entity': office,
  'GET /api/imports/jobs/:id': anyone,
  'POST /api/imports/jobs/:id/confirm': anyone,
};
