import { roles } from '@tongxin/core';
import { anyone, office, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const directChannelAccess: AccessTable = {
  'GET /api/direct-channel/reports': anyone,
  'POST /api/direct-channel/reports': { ...anyone, refuses: ['reviewer', 'handler', 'org_admin'], note: 'office staff of the subtree, or a user acting for the organisation itself' },
  'GET /api/direct-channel/reports/:id': anyone,
  'POST /api/direct-channel/reports/:id/instructions': office,
  'POST /api/direct-channel/reports/:id/assignments': office,
  'GET /api/direct-channel/supervision': anyone,
  'POST /api/direct-channel/assignments/:id/accept': { ...anyone, refuses: roles, note: 'a handler of the assigned unit, whatever their role (a record-level rule: no matrix user is one)' },
  'POST /api/direct-channel/assignments/:id/complete': { ...anyone, refuses: roles, note: 'a handler of the assigned unit, whatever their role (a record-level rule: no matrix user is one)' },
  'POST /api/direct-channel/assignments/:id/remind': anyone,
};
