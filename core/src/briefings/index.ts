export * from './generate.ts';
export * from './schema.ts';
export { chineseDate, chinesePeriod, count as formatCount, percent as formatPercent } from './phrases.ts';
