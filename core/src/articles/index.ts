export { cleanArticle, removePinyinAnnotations, type CleanedArticle } from './clean.ts';
export { isBoilerplateLine } from './boilerplate.ts';
export { htmlToText, decodeEntities, looksLikeHtml } from './html.ts';
export { extractMetadata, matchMedium, type ArticleMetadata, type MetadataOptions } from './metadata.ts';
export { findFullDates, inferYear, toIsoDate, type FoundDate } from './dates.ts';
export { defaultMediaList, type MediaEntry, type MediaLevel } from './media.ts';
export { extractFigures, type Figure } from './figures.ts';
export { parseArticle, type ParsedArticle, type ParseOptions } from './parse.ts';
