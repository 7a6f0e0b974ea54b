import { extractFigures } from '@tongxin/core/articles/index';
import { storeArticle, prepareIngest } from '../../modules/articles/articles.ingest.ts';
import { reindexAll } from '../../modules/search/search.reindex.ts';
import { divisionId, type SeedContext, type Seeder } from './context.ts';
import { articleText, demoArticles, tonglingStories } from './publicity.data.ts';

/** City papers the demo's reports cite that the default media list does not carry. */
const demoMedia = [{ name: '铜陵日报', level: 'municipal' }];

/**
 * Publicity reports for the demo: a few per office at different medium levels, and the 40 stories
 * of Tongling. Their title, date and source are known, so they are stored as ingest would store
 * them (figures, mentions, duplicate check, index) without parsing each one, which keeps the seed
 * fast.
 */
export const publicitySeeder: Seeder = {
  name: 'publicity',
  async run(ctx: SeedContext) {
    for (const medium of demoMedia) {
      const exists = await ctx.db.selectFrom('media').select('id').where('name', '=', medium.name).executeTakeFirst();
      if (!exists) await ctx.db.insertInto('media').values({ name: medium.name, aliases: '[]', level: medium.level, created_at: ctx.at, updated_at: ctx.at }).execute();
    }
    const setup = await prepareIngest(ctx.db, null);
    const articles = [...demoArticles, ...tonglingStories];
    for (const article of articles) {
      const medium = setup.media.find((entry) => entry.name === article.source || entry.aliases?.includes(article.source));
      const text = articleText(article, ctx.at);
      const date = /(\d{4})年(\d{2})月(\d{2})日/.exec(text)!;
      await storeArticle(
        ctx.db,
        setup,
        {
          divisionId: divisionId(ctx, article.division),
          title: article.title,
          publishedAt: `${date[1]}-${date[2]}-${date[3]}`,
          source: article.source,
          medium: medium?.name ?? null,
          level: medium?.level ?? null,
          authors: [],
          editors: [],
          format: 'text',
          fileName: null,
          originalText: text,
          cleanText: text,
          removed: { pinyin: 0, boilerplateLines: [] },
          figures: extractFigures(text),
        },
        { at: ctx.at, userId: null },
      );
    }
    ctx.log(`publicity: ${articles.length} articles`);
  },
};

/**
 * The search index over everything the demo made. Not in `demoSeeders`: `seedDemo` runs it after
 * all of them, so it indexes whatever seeders are appended later.
 */
export const searchSeeder: Seeder = {
  name: 'search',
  async run(ctx: SeedContext) {
    const counts = await reindexAll(ctx.db, { log: ctx.log });
    ctx.log(`search index: ${Object.entries(counts).map(([kind, n]) => `${n} ${kind}`).join(', ')}`);
  },
};
