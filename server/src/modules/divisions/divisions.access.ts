import { anyone, admins, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const divisionsAccess: AccessTable = {
  'GET /api/divisions': anyone,
  'GET /api/divisions/children': anyone,
  'GET /api/divisions/:id': anyone,
  'POST /api/divisions': admins,
  'PATCH /api/divisions/:id': admins,
};
