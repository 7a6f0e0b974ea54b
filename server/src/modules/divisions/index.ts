/*
 * What other modules may use of divisions: a division by id (to check a body's or query's
 * division and read its path) and the children of one. Scope filters for queries are in
 * divisions.scope.ts, which repositories use.
 */
export { allDivisionNames, findDivision, findDivisionsByIds, listChildren, toDivision } from './divisions.repo.ts';
