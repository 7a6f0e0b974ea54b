import { pub, openToParticipants, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const authAccess: AccessTable = {
  'POST /api/auth/sign-in': { ...pub, answers: [401, 429], note: 'the generated password is wrong' },
  'POST /api/auth/sign-out': openToParticipants,
  'GET /api/auth/me': openToParticipants,
  'PUT /api/auth/locale': openToParticipants,
};
