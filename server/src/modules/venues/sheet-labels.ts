// Moved to server/src/kernel/sheet-labels.ts (shared by several modules); re-exported for existing importers.
export * from '../../kernel/sheet-labels.ts';
