import type { Generated } from 'kysely';

/** Row types of publicity and search (migration 0040). Conventions as in types.ts. */

interface Editable {
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface MediaTable extends Editable {
  id: Generated<number>;
  name: string;
  /** JSON array of other names the medium appears under. */
  aliases: string;
  level: string;
  archived_at: string | null;
}

export interface ArticlesTable extends Editable {
  id: Generated<number>;
  division_id: number;
  title: string;
  published_at: string | null;
  published_on: string | null;
  source: string | null;
  medium_id: number | null;
  level: string | null;
  /** JSON arrays of names. */
  authors: string;
  editors: string;
  format: string;
  file_name: string | null;
  original_text: string;
  clean_text: string;
  /** JSON `{ pinyin, boilerplateLines }`. */
  removed: string;
  /** JSON array of `{ paragraph, text, repair }`: garbled places found by ingest (migration 0120). */
  garbled: Generated<string>;
  content_hash: string;
  duplicate_of_id: number | null;
  duplicate_similarity: number | null;
  created_by: number | null;
  archived_at: string | null;
}

export interface ArticleMentionsTable {
  article_id: number;
  kind: string;
  target_id: number;
}

export interface ArticleFiguresTable extends Editable {
  id: Generated<number>;
  article_id: number;
  position: number;
  raw: string;
  value: number;
  unit: string;
  normalised: number;
  base_unit: string;
  label: string;
  approx: number;
  status: string;
  figure_key: string | null;
  confirmed_by: number | null;
  confirmed_at: string | null;
}

/** One searchable record; see the migration for how each engine indexes the token columns. */
export interface SearchDocumentsTable {
  id: Generated<number>;
  kind: string;
  record_id: number;
  division_id: number;
  title: string;
  subtitle: string | null;
  body: string;
  date: string | null;
  norm_title: string;
  norm_body: string;
  title_tokens: string;
  body_tokens: string;
  pinyin_keys: string;
  scope_tags: string;
  updated_at: string;
}

export interface PublicityTables {
  media: MediaTable;
  articles: ArticlesTable;
  article_mentions: ArticleMentionsTable;
  article_figures: ArticleFiguresTable;
  search_documents: SearchDocumentsTable;
}
