export * from './shanghai-time.ts';
export * from './calendar.schema.ts';
export * from './holiday-calendar.ts';
export * from './working-time.ts';
