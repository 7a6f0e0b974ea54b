// Moved to server/src/kernel/import-helpers.ts (shared by several modules); re-exported for existing importers.
export * from '../../kernel/import-helpers.ts';
