import type { Seeder } from './context.ts';
import { emptyCounts, workSeedDates } from './work-context.ts';
import { seedZhaoxiangLiaison } from './work-liaison.seed.ts';
import { seedBengbu, seedBozhou, seedLuan } from './work-pairings.seed.ts';
import { seedProjects, seedXinEActivities } from './work-projects.seed.ts';

/**
 * The demo's work (issue 4): projects in Qingpu and Jinshan (some milestones overdue), 幸福·新e园's
 * 60+ activities this year, the Lu'an (13 of 29), Bozhou (412) and Bengbu (21) pairing programmes,
 * and Zhaoxiang's liaison contact logs. It runs after the registry seeders and looks their
 * records up by name and type; dates are relative to the seed's day in Asia/Shanghai.
 */
export const workSeeder: Seeder = {
  name: 'work',
  async run(ctx) {
    const dates = await workSeedDates(ctx);
    const counts = emptyCounts();
    const projects = await seedProjects(ctx, dates, counts);
    await seedXinEActivities(ctx, dates, counts, projects);
    await seedLuan(ctx, dates, counts);
    await seedBozhou(ctx, dates, counts);
    await seedBengbu(ctx, dates, counts);
    await seedZhaoxiangLiaison(ctx, dates, counts);
    ctx.log(
      `work: ${counts.projects} projects, ${counts.activities} activities, ${counts.programmes} pairing programmes with ${counts.pairs} pairs, ` +
        `${counts.relationships} liaison relationships with ${counts.contacts} contacts, ${counts.organisations} Bozhou village committees`,
    );
  },
};
