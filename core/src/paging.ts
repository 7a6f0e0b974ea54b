import { z } from 'zod';

/** Every list is paged on the server; a page holds at most 200 rows. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A list page schema for OpenAPI and responses. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

/**
 * A list page that can also be read by keyset (issue 20): `nextCursor` is passed back as `after` for
 * the next page (infinite scroll, "next" without counting rows to skip); `totalIsEstimate` says
 * that `total` is "about N" (the exact count would cost a scan of a province's subtree).
 */
export function listPageSchema<T extends z.ZodType>(item: T) {
  return pageSchema(item).extend({ totalIsEstimate: z.boolean(), nextCursor: z.string().nullable() });
}

export interface ListPage<T> extends Page<T> {
  totalIsEstimate: boolean;
  nextCursor: string | null;
}

/** The `after` query parameter: an opaque cursor from the previous page's `nextCursor`. */
export const afterCursorSchema = z.string().regex(/^[A-Za-z0-9_-]{1,400}$/).optional();
