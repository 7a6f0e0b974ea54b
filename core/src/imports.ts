import { z } from 'zod';
import { pageQuerySchema } from './paging.ts';

/**
 * Excel import jobs as the API shows them. A job is created by uploading a file, parsed in the
 * background (`parsing`, with `rowsParsed` / `rowsTotal` for a progress bar), then `ready` for a
 * preview; confirming writes every row or none (`done`). `failed` jobs carry a message; jobs not
 * confirmed in time become `expired`.
 */
export const importJobStatuses = ['parsing', 'ready', 'confirming', 'done', 'failed', 'expired'] as const;
export type ImportJobStatus = (typeof importJobStatuses)[number];

export const importDuplicateModes = ['skip', 'update'] as const;
export type ImportDuplicateMode = (typeof importDuplicateModes)[number];

export const importJobSchema = z.object({
  id: z.number().int(),
  entity: z.string(),
  fileName: z.string(),
  status: z.enum(importJobStatuses),
  /** Translated reason when `failed`. */
  failure: z.string().nullable(),
  /** Data rows in the file (counted before parsing; null when unknown). */
  rowsTotal: z.number().int().nullable(),
  rowsParsed: z.number().int(),
  counts: z.object({ ok: z.number().int(), error: z.number().int(), duplicate: z.number().int() }),
  /** Columns found in the file, in file order. */
  columns: z.array(z.object({ key: z.string(), header: z.string() })),
  ignoredHeaders: z.array(z.string()),
  duplicatesMode: z.enum(importDuplicateModes).nullable(),
  result: z.object({ inserted: z.number().int(), updated: z.number().int(), skipped: z.number().int() }).nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  confirmedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const importRowProblemSchema = z.object({
  /** Column header as in the file (null for a problem with the whole row). */
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportRowProblem = z.infer<typeof importRowProblemSchema>;

export const importPreviewRowSchema = z.object({
  /** The row number Excel shows. */
  rowNumber: z.number().int(),
  /** Cells by column key, as read. */
  cells: z.record(z.string(), z.string()),
  problems: z.array(importRowProblemSchema),
  /** Id of the existing record this row repeats (same name in the same division). */
  duplicateOf: z.number().int().nullable(),
});
export type ImportPreviewRow = z.infer<typeof importPreviewRowSchema>;

export const importPreviewQuerySchema = pageQuerySchema.extend({
  /** `problems`: rows with errors; `duplicates`; `ok`: neither. */
  only: z.enum(['all', 'problems', 'duplicates', 'ok']).default('all'),
});
export type ImportPreviewQuery = z.infer<typeof importPreviewQuerySchema>;

export const importJobDetailSchema = importJobSchema.extend({
  rows: z.object({
    items: z.array(importPreviewRowSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
});
export type ImportJobDetail = z.infer<typeof importJobDetailSchema>;

export const importConfirmSchema = z.object({ duplicates: z.enum(importDuplicateModes) });
export type ImportConfirm = z.infer<typeof importConfirmSchema>;
