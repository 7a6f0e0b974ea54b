import type { AudienceGroups } from './events.audience.repo.ts';

/**
 * Who an event is for (its audience), decided the same way for seeing it and registering:
 * - `public`: every participant;
 * - `organisations`: participants whose division is in the same branch of the tree as the event's
 *   (above or below it: a town's event is for the town's villages, and a village's for the town);
 * - `chamber_members`: those acting for the chamber named by the event, or for a current member of it;
 * - `programme`: those acting for an organisation currently paired in the programme named by the event.
 */
export function inAudience(
  event: { audience: string; audience_ref_id: number | null; division_path: string },
  participant: { scopePath: string | null; groups: AudienceGroups },
): boolean {
  const ref = event.audience_ref_id;
  switch (event.audience) {
    case 'public':
      return true;
    case 'organisations': {
      const path = participant.scopePath;
      return path !== null && (event.division_path.startsWith(path) || path.startsWith(event.division_path));
    }
    case 'chamber_members':
      return ref !== null && (participant.groups.organisationIds.has(ref) || participant.groups.memberOf.has(ref));
    case 'programme':
      return ref !== null && participant.groups.programmes.has(ref);
    default:
      return false;
  }
}
