import { z } from 'zod';

/**
 * Kinds of record the one search box finds. Requests come as two kinds, `need` (claim route) and
 * `case` (dispatch route), because they live in two tables with ids of their own.
 */
export const searchKinds = ['organisation', 'person', 'venue', 'project', 'activity', 'need', 'case', 'article'] as const;
export type SearchKind = (typeof searchKinds)[number];

/** `?kinds=organisation,person` or `?kinds=organisation&kinds=person`; absent = every kind. */
const kindList = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
  z.array(z.enum(searchKinds)).min(1).max(searchKinds.length),
);

export const searchQuerySchema = z.object({
  /** Words in either script, or pinyin (`tongxin`) or its initials (`tx`). */
  q: z.string().trim().min(1).max(60),
  kinds: kindList.optional(),
  /** Hits per kind. */
  limit: z.coerce.number().int().min(1).max(50).default(5),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** `[start, end)` in UTF-16 code units of the string it belongs to: `text.slice(start, end)` is the match. */
const rangeSchema = z.tuple([z.number().int(), z.number().int()]);

export const searchHitSchema = z.object({
  kind: z.enum(searchKinds),
  /** Id of the record in its own module (an organisation id, an activity id…). */
  id: z.number().int(),
  title: z.string(),
  titleRanges: z.array(rangeSchema),
  /** A line of context that was not searched (a person's organisation and position, a venue's type). */
  subtitle: z.string().nullable(),
  /** Part of the body around the first match, with `…` where it was cut. */
  snippet: z.string().nullable(),
  snippetRanges: z.array(rangeSchema),
  divisionId: z.number().int(),
  divisionName: z.string(),
  date: z.string().nullable(),
  /** `pinyin` when the query matched the pinyin or initials of the title. */
  matchedBy: z.enum(['text', 'pinyin']),
  score: z.number(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.object({
  q: z.string(),
  /** Non-empty groups only, the group with the best hit first. */
  groups: z.array(
    z.object({
      kind: z.enum(searchKinds),
      items: z.array(searchHitSchema),
      /** More hits exist than were returned (ask again with `kinds=<kind>` and a larger `limit`). */
      more: z.boolean(),
    }),
  ),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
