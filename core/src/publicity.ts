import { z } from 'zod';
import { ymdDateSchema } from './organisations.ts';
import { pageQuerySchema } from './paging.ts';

/** Levels of a news medium, as publicity statistics count them (see `articles/media.ts`). */
export const mediaLevels = ['central', 'provincial', 'municipal', 'local'] as const;
export type MediaLevelCode = (typeof mediaLevels)[number];

/** How an article came in. */
export const articleFormats = ['text', 'html', 'docx'] as const;
export type ArticleFormat = (typeof articleFormats)[number];

/** A figure found in the text is `extracted`; a user confirms it or rejects it. */
export const articleFigureStatuses = ['extracted', 'confirmed', 'rejected'] as const;
export type ArticleFigureStatus = (typeof articleFigureStatuses)[number];

const id = z.number().int().positive();
const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

// ---- Media (the managed list) ----

export const mediumSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  aliases: z.array(z.string()),
  level: z.enum(mediaLevels),
  archived: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Medium = z.infer<typeof mediumSchema>;

export const mediumCreateSchema = z.object({
  name: z.string().trim().min(1).max(60),
  aliases: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
  level: z.enum(mediaLevels),
});
export type MediumCreate = z.infer<typeof mediumCreateSchema>;

export const mediumUpdateSchema = z.object({
  name: z.string().trim().min(1).max(60).optional(),
  aliases: z.array(z.string().trim().min(1).max(60)).max(30).optional(),
  level: z.enum(mediaLevels).optional(),
  version: id,
});
export type MediumUpdate = z.infer<typeof mediumUpdateSchema>;

export const mediumListQuerySchema = z.object({
  archived: z.enum(['false', 'true', 'all']).default('false'),
});

// ---- Articles ----

/**
 * A publication time as stored: `2022-07-27` or `2022-07-27T11:04:00+08:00` (what extraction gives;
 * a user may type either).
 */
export const publishedAtSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/, { error: 'validation.published_at' })
  .refine((value) => ymdDateSchema.safeParse(value.slice(0, 10)).success && !Number.isNaN(new Date(value).getTime()), {
    error: 'validation.published_at',
  });

const nameList = z.array(z.string().trim().min(1).max(40)).max(20);

export const articleFigureSchema = z.object({
  id: z.number().int(),
  position: z.number().int(),
  raw: z.string(),
  value: z.number(),
  unit: z.string(),
  normalised: z.number(),
  baseUnit: z.string(),
  label: z.string(),
  approx: z.boolean(),
  status: z.enum(articleFigureStatuses),
  /** The dashboard figure this claim is checked against, e.g. `huaxin.chamber.members`. */
  figureKey: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  version: z.number().int(),
});
export type ArticleFigure = z.infer<typeof articleFigureSchema>;

export const articleSchema = z.object({
  id: z.number().int(),
  divisionId: z.number().int(),
  divisionName: z.string(),
  title: z.string(),
  publishedAt: z.string().nullable(),
  /** The date part of `publishedAt` (Beijing time), which periods are counted by. */
  publishedOn: z.string().nullable(),
  source: z.string().nullable(),
  mediumId: z.number().int().nullable(),
  mediumName: z.string().nullable(),
  level: z.enum(mediaLevels).nullable(),
  authors: z.array(z.string()),
  editors: z.array(z.string()),
  format: z.enum(articleFormats),
  fileName: z.string().nullable(),
  /** Set when the same report was archived before (hash of the clean text, or bigram Jaccard ≥ 0.8). */
  duplicateOfId: z.number().int().nullable(),
  duplicateSimilarity: z.number().nullable(),
  figureCount: z.number().int(),
  /** Paragraphs in which ingest found text garbled by a wrong encoding (repaired or not). */
  garbledParagraphs: z.number().int(),
  archived: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Article = z.infer<typeof articleSchema>;

const refSchema = z.object({ id: z.number().int(), name: z.string() });

export const articleDetailSchema = articleSchema.extend({
  /** The input exactly as given (HTML source, or the text of a .docx). */
  originalText: z.string(),
  cleanText: z.string(),
  /** What cleaning took out, so the page can show the difference. */
  removed: z.object({ pinyin: z.number().int(), boilerplateLines: z.array(z.string()) }),
  /** Garbled places by paragraph of the clean text: `repair` says what one stood for, null when it is only flagged. */
  garbled: z.array(z.object({ paragraph: z.number().int(), text: z.string(), repair: z.string().nullable() })),
  mentions: z.object({ divisions: z.array(refSchema), organisations: z.array(refSchema.extend({ divisionName: z.string() })) }),
  figures: z.array(articleFigureSchema),
  /** Other articles of the same report that the reader may see: the original and its copies. */
  duplicates: z.array(z.object({ id: z.number().int(), title: z.string(), source: z.string().nullable(), similarity: z.number().nullable() })),
  allowed: z.array(z.string()),
});
export type ArticleDetail = z.infer<typeof articleDetailSchema>;

export const articleCreateSchema = z.object({
  /** The office the report counts for; defaults to the user's own division. */
  divisionId: id.optional(),
  text: z.string().min(1).max(500_000),
  format: z.enum(['auto', 'text', 'html']).default('auto'),
  fileName: z.string().trim().max(200).optional(),
});
export type ArticleCreate = z.infer<typeof articleCreateSchema>;

export const articleUpdateSchema = z.object({
  divisionId: id.optional(),
  title: z.string().trim().min(1).max(200).optional(),
  publishedAt: z.preprocess(blankToNull, publishedAtSchema.nullable()).optional(),
  source: z.preprocess(blankToNull, z.string().trim().max(100).nullable()).optional(),
  /** Choosing a medium sets the level to the medium's, unless `level` is given too. */
  mediumId: id.nullable().optional(),
  level: z.enum(mediaLevels).nullable().optional(),
  authors: nameList.optional(),
  editors: nameList.optional(),
  /** Only clearing is allowed: "not a duplicate after all". */
  duplicateOfId: z.null().optional(),
  mentionedDivisionIds: z.array(id).max(200).optional(),
  mentionedOrganisationIds: z.array(id).max(500).optional(),
  version: id,
});
export type ArticleUpdate = z.infer<typeof articleUpdateSchema>;

export const articleFigureUpdateSchema = z.object({
  status: z.enum(articleFigureStatuses).optional(),
  label: z.string().trim().max(60).optional(),
  figureKey: z.preprocess(blankToNull, z.string().trim().regex(/^[a-z][a-z0-9_.-]{0,79}$/, { error: 'validation.figure_key' }).nullable()).optional(),
  version: id,
});
export type ArticleFigureUpdate = z.infer<typeof articleFigureUpdateSchema>;

const levelFilter = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
  z.array(z.enum([...mediaLevels, 'unknown'])).min(1).max(5),
);

export const articleListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(60).optional(),
  divisionId: z.coerce.number().int().positive().optional(),
  level: levelFilter.optional(),
  mediumId: z.coerce.number().int().positive().optional(),
  /** Articles that mention this organisation. */
  organisationId: z.coerce.number().int().positive().optional(),
  from: ymdDateSchema.optional(),
  to: ymdDateSchema.optional(),
  duplicates: z.enum(['include', 'exclude', 'only']).default('include'),
  archived: z.enum(['false', 'true', 'all']).default('false'),
  sort: z.enum(['publishedAt', 'createdAt', 'title']).default('publishedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ArticleListQuery = z.infer<typeof articleListQuerySchema>;

export const articleCountsQuerySchema = z.object({
  /** Defaults to the user's division (the whole tree for a system admin). */
  divisionId: z.coerce.number().int().positive().optional(),
  from: ymdDateSchema.optional(),
  to: ymdDateSchema.optional(),
  period: z.enum(['year', 'quarter', 'month', 'all']).default('year'),
  /** `division`: one row per period for the whole subtree; `children`: per child division as well. */
  by: z.enum(['division', 'children']).default('division'),
});
export type ArticleCountsQuery = z.infer<typeof articleCountsQuerySchema>;

export const articleCountRowSchema = z.object({
  divisionId: z.number().int().nullable(),
  divisionName: z.string().nullable(),
  /** True for the row of articles filed at the division itself (not at a child), with `by=children`. */
  own: z.boolean(),
  /** `2026`, `2026-Q1`, `2026-03`, or null with `period=all`. */
  period: z.string().nullable(),
  central: z.number().int(),
  provincial: z.number().int(),
  municipal: z.number().int(),
  local: z.number().int(),
  unknown: z.number().int(),
  total: z.number().int(),
});
export type ArticleCountRow = z.infer<typeof articleCountRowSchema>;

export const articleCountsSchema = z.object({
  divisionId: z.number().int().nullable(),
  period: z.enum(['year', 'quarter', 'month', 'all']),
  rows: z.array(articleCountRowSchema),
});
export type ArticleCounts = z.infer<typeof articleCountsSchema>;

export const articleUploadResultSchema = z.object({ items: z.array(articleSchema) });
