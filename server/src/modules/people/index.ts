/* What other modules may use of people: a person by id (memberships check the member they name). */
export { findPerson } from './people.repo.ts';
