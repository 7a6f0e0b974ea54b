import { divisionInScope } from '../../modules/divisions/divisions.scope.ts';
import { divisionId, type SeedContext } from './context.ts';
import type { WorkCounts, WorkSeedDates } from './work-context.ts';
import { addDays, contactNotes } from './work.data.ts';
import { insertActivities, insertContacts, insertRelationships, userByName, type ActivitySeed } from './work.insert.ts';

/**
 * Zhaoxiang (交朋友): cadres keep in touch with the liaison officers (联络员) of the 40 villages;
 * about one relationship in seven has had no contact for a quarter (the reminder list), and the
 * officers meet every quarter (座谈会) with attendance and minutes.
 */
export async function seedZhaoxiangLiaison(ctx: SeedContext, d: WorkSeedDates, counts: WorkCounts): Promise<void> {
  const town = divisionId(ctx, '上海市/青浦区/赵巷镇');
  const townPath = (await ctx.db.selectFrom('divisions').select('path').where('id', '=', town).executeTakeFirstOrThrow()).path;
  const officers = await ctx.db
    .selectFrom('people')
    .select(['id', 'division_id'])
    .where('position', '=', '联络员')
    .where('archived_at', 'is', null)
    .where(divisionInScope('people.division_id', townPath))
    .orderBy('id')
    .execute();
  const cadres = [await userByName(ctx, 'zhaoxiang'), await userByName(ctx, 'qingpu.staff')].filter((user) => user !== undefined);
  if (officers.length === 0 || cadres.length === 0) {
    ctx.log(`work: no Zhaoxiang liaison data (${officers.length} officers, ${cadres.length} cadres)`);
    return;
  }
  // Three in four officers befriended by the town's cadre, the rest by the district's.
  const cadreOf = (i: number) => cadres[i < Math.ceil(officers.length * 0.75) || cadres.length === 1 ? 0 : 1]!;
  const since = `${d.year - 1}-03-01`;
  const relationshipIds = await insertRelationships(
    ctx,
    officers.map((officer, i) => ({ divisionId: officer.division_id, cadreUserId: cadreOf(i).id, personId: officer.id, since })),
  );
  const kinds = ['talk', 'visit', 'meeting'];
  const contacts = relationshipIds.flatMap((relationshipId, i) => {
    // The latest contact first, then one every two months or so back; quiet ones stop 4+ months ago.
    const latest = i % 7 === 3 ? addDays(d.today, -125 - (i % 10)) : addDays(d.today, -3 - (i % 20));
    return Array.from({ length: 2 + (i % 4) }, (_, k) => ({
      relationshipId,
      kind: kinds[(i + k) % kinds.length]!,
      date: addDays(latest, -k * 63),
      note: contactNotes[(i + k) % contactNotes.length]!,
      createdBy: cadreOf(i).id,
    }));
  });
  counts.contacts += await insertContacts(ctx, contacts);
  counts.relationships += relationshipIds.length;

  const venue = await ctx.db.selectFrom('venues').select('id').where('name', '=', '同心巷聚').orderBy('id').executeTakeFirst();
  const meetings: ActivitySeed[] = [];
  for (let back = 3; back >= 0; back -= 1) {
    const date = addDays(d.today, -back * 91 - 10);
    meetings.push({
      divisionId: town,
      title: `村居联络员季度座谈会（${date.slice(0, 7)}）`,
      date,
      kind: 'seminar',
      venueId: venue?.id ?? null,
      participantCount: officers.length - (back % 3),
      summary: '各村居联络员交流社情民意，镇统战办通报重点工作。',
      minutes: '一、通报本季度统战工作；二、联络员逐一发言，反映村居诉求；三、交办事项：道路照明、老年助餐、河道保洁。',
      organiserIds: [],
      attendeePersonIds: officers.filter((_, i) => (i + back) % 13 !== 0).map((officer) => officer.id),
      attendeeUserIds: cadres.map((cadre) => cadre.id),
    });
  }
  counts.activities += (await insertActivities(ctx, meetings, cadres[0]!.id)).length;
}
