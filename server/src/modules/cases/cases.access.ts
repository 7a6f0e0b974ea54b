import { roles } from '@tongxin/core';
import { anyone, admins, office, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const casesAccess: AccessTable = {
  'GET /api/cases': anyone,
  'GET /api/cases/export': anyone,
  'POST /api/cases': office,
  'GET /api/cases/figures': anyone,
  'GET /api/cases/settings': anyone,
  'PUT /api/cases/settings': admins,
  'GET /api/cases/:id': anyone,
  'PATCH /api/cases/:id': office,
  'POST /api/cases/:id/transition': anyone,
  'POST /api/cases/:id/notes': { ...anyone, refuses: ['reviewer', 'handler', 'org_admin'], note: 'office staff of the subtree, or a user acting for the lead unit' },
  'POST /api/cases/:id/contact': { ...anyone, refuses: roles, note: 'a handler of the lead unit, whatever their role (a record-level rule: no matrix user is one)' },
  'POST /api/cases/:id/remind': office,
  'POST /api/cases/:id/reveal-phone': { ...anyone, refuses: ['reviewer', 'handler', 'org_admin'], note: 'office staff of the subtree, or a user acting for the lead unit' },
  'GET /api/request-units': anyone,
  'GET /api/request-units/mine': anyone,
  'GET /api/request-units/organisations/:id/handlers': anyone,
  'PUT /api/request-units/organisations/:id/handlers': office,
};
