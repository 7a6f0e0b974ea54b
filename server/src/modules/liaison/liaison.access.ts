import { anyone, office, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const liaisonAccess: AccessTable = {
  'GET /api/liaison/relationships': anyone,
  'GET /api/liaison/reminders': anyone,
  'GET /api/liaison/relationships/:id': anyone,
  'POST /api/liaison/relationships': { ...office, outOfScope: 400, note: 'an organisation outside the subtree is a field error (its existence is not revealed)' },
  'PATCH /api/liaison/relationships/:id': office,
  'GET /api/liaison/relationships/:id/contacts': anyone,
  'POST /api/liaison/relationships/:id/contacts': { ...anyone, refuses: ['org_admin', 'handler', 'reviewer'], note: 'office staff of the subtree, or the relationship’s cadre whatever their role (a record-level rule: no matrix user is one)' },
  'GET /api/liaison/meeting-quarters': anyone,
  'GET /api/liaison/relationships/export': anyone,
};
