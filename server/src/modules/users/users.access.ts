import { admins, anyone, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const usersAccess: AccessTable = {
  'GET /api/users': admins,
  'GET /api/users/:id': { ...anyone, refuses: ['staff', 'org_admin', 'handler', 'reviewer'], note: 'an administrator, or the user themself (a record-level rule)' },
  'POST /api/users': { ...admins, outOfScope: 400, note: 'a division outside the subtree is a field error on body.divisionId' },
  'PATCH /api/users/:id': admins,
  'POST /api/users/:id/unlock': { ...admins, answers: [409], note: 'the matrix records are not locked: an allowed unlock is a 409' },
  'POST /api/users/:id/password': admins,
};
