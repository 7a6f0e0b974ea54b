/*
 * What other modules may use of organisations: the "membership is current" filter (people counts
 * memberships too) and the lookup that turns a sheet cell naming an organisation or a person into
 * the record (the venue, resource and people imports).
 */
export { isCurrent } from './organisation-links.repo.ts';
export { resolveNamedCell, type NamedRecord } from './organisations.lookup.ts';
