import { participantRoles } from '@tongxin/core';
import { office, only, participantsOnly, pub, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const participantsAccess: AccessTable = {
  'POST /api/organisations/:id/invitations': office,
  'GET /api/organisations/:id/invitations': office,
  'GET /api/public/invitations/:token': { ...pub, answers: [404], note: 'the generated token names no invitation' },
  'POST /api/public/participant-codes': { ...pub, answers: [202, 429] },
  'POST /api/public/invitations/accept': { ...pub, answers: [400], note: 'the generated token and code are wrong' },
  'POST /api/auth/sign-in/code': { ...pub, answers: [401, 429], note: 'the generated code is wrong' },
  'GET /api/participant/me': participantsOnly,
  'GET /api/participant/proposals': participantsOnly,
  'POST /api/participant/proposals': { ...only(participantRoles, 'for the organisation the participant acts for'), unscoped: true },
  'GET /api/profile-proposals': office,
  'GET /api/profile-proposals/:id': office,
  'POST /api/profile-proposals/:id/decide': office,
  // A participant's claimed needs and their photos.
  'GET /api/participant/needs': participantsOnly,
  'GET /api/participant/needs/:id/photos': participantsOnly,
  'POST /api/participant/needs/:id/photos': participantsOnly,
  'GET /api/participant/photos/:id': participantsOnly,
};
