import { anyone, office, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const coverageAccess: AccessTable = {
  'GET /api/coverage-rules': anyone,
  'GET /api/coverage-rules/:id': anyone,
  'GET /api/coverage-rules/:id/missing': anyone,
  'POST /api/coverage-rules': { ...office, answers: [201, 400], note: 'the generated unit level may not lie below the division' },
  'POST /api/coverage-rules/:id/archive': { ...office, answers: [204, 409], note: 'the sample version may be stale' },
};
