import { anyone, office, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const assessmentsAccess: AccessTable = {
  'GET /api/assessment-checklists': anyone,
  'POST /api/assessment-checklists': office,
  'GET /api/assessment-checklists/:id': anyone,
  'PATCH /api/assessment-checklists/:id': office,
  'POST /api/assessment-checklists/:id/archive': office,
  'POST /api/assessment-checklists/:id/assessments': office,
  'GET /api/assessments': anyone,
  'GET /api/assessments/:id': anyone,
  'PUT /api/assessments/:id/sheets/mine': anyone,
  'POST /api/assessments/:id/finalise': anyone,
  'POST /api/assessments/:id/reopen': anyone,
  'GET /api/assessments/venues/:venueId/star-history': anyone,
  'GET /api/assessments/export': anyone,
};
