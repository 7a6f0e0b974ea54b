// Moved to server/src/kernel/notify.ts (shared by several modules); re-exported for existing importers.
export * from '../../kernel/notify.ts';
