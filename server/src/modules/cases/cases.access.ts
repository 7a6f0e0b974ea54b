import { anyone, admins, only, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const casesAccess: AccessTable = {
  'GET /api/cases': anyone,
  'GET /api/cases/export': anyone,
  'POST /api/cases': anyone,
  'GET /api/cases/figures': anyone,
  'GET /api/cases/settings': anyone,
  'PUT /api/cases/settings': admins,
  'GET /api/cases/:id': anyone,
  'PATCH /api/cases/:id': anyone,
  'POST /api/cases/:id/transition': anyone,
  'POST /api/cases/:id/notes': anyone,
  'POST /api/cases/:id/contact': only(['handler'], 'a handler of the lead unit'),
  'POST /api/cases/:id/remind': anyone,
  'POST /api/cases/:id/reveal-phone': anyone,
  'GET /api/request-units': anyone,
  'GET /api/request-units/mine': anyone,
  'GET /api/request-units/organisations/:id/handlers': anyone,
  'PUT /api/request-units/organisations/:id/handlers': anyone,
};
