/* What other modules may use of users: sign-in reads and marks an account; participants and the seed create users. */
export { findUserByUsername, insertUser, lockAccount, setLastSignIn, setLocale } from './users.repo.ts';
