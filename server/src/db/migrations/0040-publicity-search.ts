import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { withId, withTimestamps } from '../columns.ts';
import { media0040 } from './frozen/0040-media.ts';

/**
 * Publicity and search: the managed list of media (seeded with the default list: reference data,
 * not demo data), articles with their mentions and figures, and the one search index.
 *
 * `search_documents` holds, per record, display text, its normalised form, and its index tokens
 * (CJK bigrams and unigrams, Latin words; pinyin keys of the title). The engines index the tokens
 * with their own full-text machinery:
 * - SQLite: an FTS5 table over the token columns (unicode61 splits them on the spaces), kept in
 *   step by triggers; `scope_tags` carries `d<id>` for the record's division and its ancestors and
 *   `k<kind>`, so scope and kind are index look-ups rather than scans.
 * - PostgreSQL: two generated tsvector columns built with array_to_tsvector (no parser, so the
 *   tokens stay exactly as written) under GIN indexes; prefix queries (`tong:*`) serve pinyin.
 */
export function publicitySearch(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withTimestamps(
        withId(db.schema.createTable('media'), dialect)
          .addColumn('name', 'text', (col) => col.notNull().unique())
          .addColumn('aliases', 'text', (col) => col.notNull())
          .addColumn('level', 'text', (col) => col.notNull())
          .addColumn('archived_at', 'text'),
      ).execute();
      const at = new Date().toISOString();
      for (const [name, aliases, level] of media0040) {
        await sql`insert into media (name, aliases, level, created_at, updated_at)
                  values (${name}, ${aliases}, ${level}, ${at}, ${at})`.execute(db);
      }

      await withTimestamps(
        withId(db.schema.createTable('articles'), dialect)
          .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('title', 'text', (col) => col.notNull())
          .addColumn('published_at', 'text')
          .addColumn('published_on', 'text')
          .addColumn('source', 'text')
          .addColumn('medium_id', 'integer', (col) => col.references('media.id'))
          .addColumn('level', 'text')
          .addColumn('authors', 'text', (col) => col.notNull())
          .addColumn('editors', 'text', (col) => col.notNull())
          .addColumn('format', 'text', (col) => col.notNull())
          .addColumn('file_name', 'text')
          .addColumn('original_text', 'text', (col) => col.notNull())
          .addColumn('clean_text', 'text', (col) => col.notNull())
          .addColumn('removed', 'text', (col) => col.notNull())
          .addColumn('content_hash', 'text', (col) => col.notNull())
          .addColumn('duplicate_of_id', 'integer', (col) => col.references('articles.id'))
          .addColumn('duplicate_similarity', 'double precision')
          .addColumn('created_by', 'integer', (col) => col.references('users.id'))
          .addColumn('archived_at', 'text'),
      ).execute();
      await db.schema.createIndex('articles_division_published').on('articles').columns(['division_id', 'published_on']).execute();
      await db.schema.createIndex('articles_published').on('articles').column('published_on').execute();
      await db.schema.createIndex('articles_hash').on('articles').columns(['division_id', 'content_hash']).execute();
      await db.schema.createIndex('articles_duplicate_of').on('articles').column('duplicate_of_id').execute();
      await db.schema.createIndex('articles_medium').on('articles').column('medium_id').execute();

      // Divisions and organisations of the registry that an article's text names.
      await db.schema
        .createTable('article_mentions')
        .addColumn('article_id', 'integer', (col) => col.notNull().references('articles.id'))
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('target_id', 'integer', (col) => col.notNull())
        .addPrimaryKeyConstraint('article_mentions_pk', ['article_id', 'kind', 'target_id'])
        .execute();
      await db.schema.createIndex('article_mentions_target').on('article_mentions').columns(['kind', 'target_id']).execute();

      await withTimestamps(
        withId(db.schema.createTable('article_figures'), dialect)
          .addColumn('article_id', 'integer', (col) => col.notNull().references('articles.id'))
          .addColumn('position', 'integer', (col) => col.notNull())
          .addColumn('raw', 'text', (col) => col.notNull())
          .addColumn('value', 'double precision', (col) => col.notNull())
          .addColumn('unit', 'text', (col) => col.notNull())
          .addColumn('normalised', 'double precision', (col) => col.notNull())
          .addColumn('base_unit', 'text', (col) => col.notNull())
          .addColumn('label', 'text', (col) => col.notNull())
          .addColumn('approx', 'integer', (col) => col.notNull())
          .addColumn('status', 'text', (col) => col.notNull())
          .addColumn('figure_key', 'text')
          .addColumn('confirmed_by', 'integer', (col) => col.references('users.id'))
          .addColumn('confirmed_at', 'text'),
      ).execute();
      await db.schema.createIndex('article_figures_article').on('article_figures').columns(['article_id', 'position']).execute();
      await db.schema.createIndex('article_figures_key').on('article_figures').column('figure_key').execute();

      await withId(db.schema.createTable('search_documents'), dialect)
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('record_id', 'integer', (col) => col.notNull())
        .addColumn('division_id', 'integer', (col) => col.notNull())
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('subtitle', 'text')
        .addColumn('body', 'text', (col) => col.notNull())
        .addColumn('date', 'text')
        .addColumn('norm_title', 'text', (col) => col.notNull())
        .addColumn('norm_body', 'text', (col) => col.notNull())
        .addColumn('title_tokens', 'text', (col) => col.notNull())
        .addColumn('body_tokens', 'text', (col) => col.notNull())
        .addColumn('pinyin_keys', 'text', (col) => col.notNull())
        .addColumn('scope_tags', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .addUniqueConstraint('search_documents_record', ['kind', 'record_id'])
        .execute();
      await db.schema.createIndex('search_documents_division').on('search_documents').columns(['division_id', 'kind']).execute();

      if (dialect === 'sqlite') {
        await sql`create virtual table search_fts using fts5(
          title_tokens, body_tokens, pinyin_keys, scope_tags,
          content='search_documents', content_rowid='id', tokenize='unicode61 remove_diacritics 0', detail='column'
        )`.execute(db);
        const columns = sql.raw('title_tokens, body_tokens, pinyin_keys, scope_tags');
        const values = (row: 'new' | 'old') => sql.raw(`${row}.title_tokens, ${row}.body_tokens, ${row}.pinyin_keys, ${row}.scope_tags`);
        await sql`create trigger search_documents_ai after insert on search_documents begin
          insert into search_fts(rowid, ${columns}) values (new.id, ${values('new')});
        end`.execute(db);
        await sql`create trigger search_documents_ad after delete on search_documents begin
          insert into search_fts(search_fts, rowid, ${columns}) values ('delete', old.id, ${values('old')});
        end`.execute(db);
        await sql`create trigger search_documents_au after update on search_documents begin
          insert into search_fts(search_fts, rowid, ${columns}) values ('delete', old.id, ${values('old')});
          insert into search_fts(rowid, ${columns}) values (new.id, ${values('new')});
        end`.execute(db);
      } else {
        const tsv = (expr: string) => `array_to_tsvector(array_remove(string_to_array(${expr}, ' '), ''))`;
        await sql
          .raw(
            `alter table search_documents
               add column title_tsv tsvector generated always as (${tsv(`title_tokens || ' ' || pinyin_keys`)}) stored,
               add column doc_tsv tsvector generated always as (${tsv(`title_tokens || ' ' || body_tokens || ' ' || pinyin_keys`)}) stored`,
          )
          .execute(db);
        await sql`create index search_documents_title_tsv on search_documents using gin (title_tsv)`.execute(db);
        await sql`create index search_documents_doc_tsv on search_documents using gin (doc_tsv)`.execute(db);
      }
    },
  };
}
