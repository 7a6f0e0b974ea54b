import { admins, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const privacyAccess: AccessTable = {
  'GET /api/privacy/phone-report': { ...admins, unscoped: true, note: 'the report itself is confined to the caller’s subtree' },
};
