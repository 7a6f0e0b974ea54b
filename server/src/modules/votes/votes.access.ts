import { pub, anyone, office, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const votesAccess: AccessTable = {
  'POST /api/public/vote-codes': pub,
  'POST /api/public/vote-codes/verify': pub,
  'GET /api/public/competitions/:id': pub,
  'POST /api/public/competitions/:id/votes': { ...pub, answers: [401], note: 'needs the x-voter-token of a verified phone' },
  'POST /api/competitions/:id/votes': { ...anyone, unscoped: true, note: 'any account may vote in an open public vote; otherwise 404' },
  'GET /api/competitions/:id/votes': office,
};
