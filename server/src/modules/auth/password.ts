// Moved to server/src/kernel/password.ts (shared by several modules); re-exported for existing importers.
export * from '../../kernel/password.ts';
