/*
 * What other modules may use of cases: responsible units (needs, the direct channel, the inbox and
 * the portal ask the same questions), the case rows a request becomes, and the office settings.
 * Everything else in this folder is the module's own; import from here, never from a repository.
 */
export {
  actorUnits,
  actsFor,
  handlersOfUnit,
  isOfficeStaff,
  officeFor,
  officeStaffOf,
  toUnit,
  unitKey,
  unitNames,
  unitRefsOf,
  type ActorUnits,
} from './units.repo.ts';
export { casesInStates, findCasesByIds, insertCase, insertCaseEvents, type CaseRow, type NewCase, type NewCaseEvent } from './cases.repo.ts';
export { divisionPaths, effectiveSettings, type EffectiveSettings } from './settings.repo.ts';
