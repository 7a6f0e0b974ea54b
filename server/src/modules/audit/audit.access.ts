import { admins, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const auditAccess: AccessTable = {
  'GET /api/audit': admins,
};
