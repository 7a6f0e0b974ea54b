// Moved to server/src/kernel/registry-lookups.ts (shared by several modules); re-exported for existing importers.
export * from '../../kernel/registry-lookups.ts';
