import { anyone, office, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const importsAccess: AccessTable = {
  'GET /api/imports': anyone,
  'GET /api/imports/:entity/template': { ...anyone, refuses: ['handler', 'org_admin'], note: 'each list names who may import it (the matrix asks for organisations)' },
  'POST /api/imports/:entity': office,
  'GET /api/imports/jobs/:id': anyone,
  'POST /api/imports/jobs/:id/confirm': anyone,
};
