// Moved to server/src/kernel/breached-passwords.ts (shared by several modules); re-exported for existing importers.
export * from '../../kernel/breached-passwords.ts';
