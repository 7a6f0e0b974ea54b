import { admins, anyone, office, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const pairingsAccess: AccessTable = {
  'GET /api/pairing-programmes': anyone,
  'GET /api/pairing-programmes/:id': anyone,
  'POST /api/pairing-programmes': office,
  'PATCH /api/pairing-programmes/:id': office,
  'POST /api/pairing-programmes/:id/archive': office,
  'GET /api/pairing-programmes/:id/unpaired': anyone,
  'GET /api/pairing-programmes/:id/pairs': anyone,
  'POST /api/pairing-programmes/:id/pairs': { ...anyone, outOfScope: [400, 403], unknown: 400, note: 'the sample pairs an organisation with itself: a field error before the programme is looked up' },
  'GET /api/pairs/:id': admins,
  'PATCH /api/pairs/:id': office,
  'GET /api/pairing-programmes/export': anyone,
  'GET /api/pairing-programmes/:id/pairs/export': anyone,
};
