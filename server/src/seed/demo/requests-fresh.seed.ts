import { divisionId, type SeedContext } from './context.ts';
import * as data from './requests.data.ts';
import { at, daysFromSeedDay, demoTicket, newCase, type CasePlan, type NeedPlan } from './requests.plan.ts';

const times = ['09:10', '10:05', '11:20', '14:15', '15:40'];

/** A few fresh portal submissions waiting at Huaxin and Zhaoxiang, so those inboxes have work. */
export function seedFresh(ctx: SeedContext): { cases: CasePlan[]; needs: NeedPlan[] } {
  const huaxin = divisionId(ctx, '上海市/青浦区/华新镇');
  const zhaoxiang = divisionId(ctx, '上海市/青浦区/赵巷镇');
  const spots: Array<[number, number, string, string]> = [
    [huaxin, huaxin, 'help', '华腾路人行道地砖松动'],
    [huaxin, huaxin, 'question', '企业职工子女入学咨询'],
    [divisionId(ctx, '上海市/青浦区/赵巷镇/赵巷村'), zhaoxiang, 'help', '村口桥面护栏破损'],
    [divisionId(ctx, '上海市/青浦区/赵巷镇/方夏村'), zhaoxiang, 'opinion', '建议增设公交班次'],
    [divisionId(ctx, '上海市/青浦区/赵巷镇/中步村'), zhaoxiang, 'idea', '利用闲置农房发展民宿'],
  ];
  const cases = spots.map(([division, office, category, title], i) =>
    newCase(
      {
        ticketNo: demoTicket('fresh', i, '2026-11-24'),
        divisionId: division,
        officeDivisionId: office,
        kind: category === 'opinion' ? 'complaint' : category,
        category,
        channel: 'portal',
        title,
        content: `${title}，请尽快处理。`,
        submitterName: data.submitterName(500 + i),
        submitterPhone: data.submitterPhone(500 + i),
        submitterOrganisationId: null,
        receivedAt: at('2026-11-24', times[i % times.length]!),
      },
      '',
    ).plan,
  );
  const created = at('2026-11-24', '20:15');
  const wish: NeedPlan = {
    ticketNo: demoTicket('fresh-wish', 0, '2026-11-24'),
    divisionId: huaxin,
    officeDivisionId: huaxin,
    title: '为社区独居老人添置冬季电暖器',
    description: '华新镇独居老人冬季取暖困难，希望有爱心单位认领。',
    wantedBy: daysFromSeedDay(ctx, 14),
    channel: 'portal',
    submitterName: data.submitterName(600),
    submitterPhone: data.submitterPhone(600),
    createdAt: created,
    serviceKindIds: [],
    state: 'open',
    publishedAt: null,
    claimant: null,
    claimedAt: null,
    fulfilledAt: null,
    confirmedAt: null,
    updatedAt: created,
    events: [{ at: created, actorId: null, actorName: null, action: 'post', toState: 'open' }],
  };
  return { cases, needs: [wish] };
}
