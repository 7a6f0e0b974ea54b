import { pub, anyone, office, openToParticipants, participantsOnly, type AccessTable } from '../../kernel/access.ts';

/** Who may call each of this module's routes (server/src/kernel/access.ts says what the fields mean). */
export const eventsAccess: AccessTable = {
  'POST /api/events': office,
  'GET /api/events': anyone,
  'GET /api/events/:id': openToParticipants,
  'GET /api/events/:id/registrations': office,
  'GET /api/events/:id/door-code': office,
  'GET /api/participant/events': participantsOnly,
  'POST /api/events/:id/registrations': participantsOnly,
  'DELETE /api/events/:id/registrations/mine': { ...participantsOnly, answers: [204, 404], note: 'the matrix participant has no registration to cancel' },
  'POST /api/events/:id/check-in': { ...participantsOnly, answers: [400], note: 'the generated code is not the door code' },
  'POST /api/calendar-feed': { ...anyone, participants: true },
  'GET /api/public/calendar/:file': { ...pub, answers: [404], note: 'the generated token names no feed' },
};
