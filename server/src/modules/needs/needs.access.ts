import { anyone, office, openToParticipants, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const needsAccess: AccessTable = {
  'GET /api/needs': anyone,
  'GET /api/needs/export': anyone,
  'GET /api/needs/board': openToParticipants,
  'POST /api/needs': office,
  'GET /api/needs/:id': openToParticipants,
  'PATCH /api/needs/:id': office,
  'POST /api/needs/:id/publish': office,
  'POST /api/needs/:id/transition': openToParticipants,
  'POST /api/needs/:id/route-to-case': { ...office, note: 'office staff of the need\'s subtree (the service answers 403 to others)' },
  'GET /api/needs/:id/matches': anyone,
  'POST /api/needs/:id/reveal-phone': { ...anyone, refuses: ['reviewer', 'handler', 'org_admin'], note: 'office staff of the subtree, or a user speaking for the claimant' },
};
