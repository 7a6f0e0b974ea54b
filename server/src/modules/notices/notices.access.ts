import { admins, anyone, office, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const noticesAccess: AccessTable = {
  'POST /api/notices/preview': office,
  'POST /api/notices': office,
  'GET /api/notices': { ...office, note: 'the caller’s subtree', unscoped: true },
  'GET /api/notices/mine': { ...anyone, participants: true, note: 'the caller’s own notices' },
  'GET /api/notices/:id': anyone,
  'POST /api/notices/:id/submit': office,
  'POST /api/notices/:id/approve': { ...admins, answers: [200, 403, 409], note: 'never the author' },
  'POST /api/notices/:id/reject': { ...admins, answers: [200, 403, 409], note: 'never the author' },
  'POST /api/notices/:id/read': { ...anyone, participants: true, answers: [204, 404], unscoped: true, note: 'only a recipient; 404 otherwise' },
};
