import { hashPassword } from '../../modules/auth/password.ts';
import { insertUser } from '../../modules/users/users.repo.ts';
import { divisionId, type Seeder } from './context.ts';
import { seedAssessments } from './judging-assessments.seed.ts';
import { seedCampaigns } from './judging-campaigns.seed.ts';
import { seedCompetitions } from './judging-competitions.seed.ts';
import { seedLeads } from './judging-leads.seed.ts';
import { judgingUsers } from './judging.data.ts';
import { demoPassword } from './users.seed.ts';

/**
 * Judging and money (issue 6): competitions, Huangshan's base assessment, campaigns, investment
 * and talent. Runs after the registry, venues and work seeders (it links to their organisations,
 * venues and projects). Adds the raters and assessors it needs, with the demo password.
 */
export const judgingSeeder: Seeder = {
  name: 'judging-money',
  async run(ctx) {
    const passwordHash = await hashPassword(demoPassword);
    const users = new Map<string, number>();
    for (const user of judgingUsers) {
      users.set(
        user.username,
        await insertUser(ctx.db, { username: user.username, displayName: user.displayName, passwordHash, divisionId: divisionId(ctx, user.division), roles: user.roles, phone: null, at: ctx.at }),
      );
    }
    const competitions = await seedCompetitions(ctx, users);
    const assessments = await seedAssessments(ctx, users);
    const campaigns = await seedCampaigns(ctx);
    const leads = await seedLeads(ctx);
    ctx.log(
      `judging: ${judgingUsers.length} raters/assessors; 2 competitions (${competitions.past.entries} entries, ${competitions.past.reviews} reviews, ${competitions.past.votes} votes, ${competitions.past.winners} winners published; ` +
        `${competitions.current.entries} entries in review, ${competitions.current.reviews}/${competitions.current.assignments} assigned reviews done); ` +
        `${assessments.finalised} Huangshan bases rated, ${assessments.opened} assessments open; ${campaigns.campaigns} campaigns, ${campaigns.pledges} pledges, ${campaigns.receipts} receipts; ` +
        `${leads.hefei.signed + leads.hefei.open + leads.bozhou.signed} leads, ${leads.hefei.talents} talents`,
    );
  },
};
