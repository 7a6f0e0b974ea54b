import { parseFen, sumFen } from '@tongxin/core/money';
import { insertCampaign } from '../../modules/campaigns/campaigns.repo.ts';
import { divisionInScope } from '../../modules/divisions/divisions.scope.ts';
import { divisionId, type SeedContext } from './context.ts';
import { plusDays, splitExact, unit } from './judging.data.ts';
import { demoOrganisationNames } from './registry-orgs.data.ts';

/**
 * Charity and aid: Henglan's three-year charity drive (1,950万元 pledged by its 78 member firms in
 * yearly instalments; 1,926.8万元 received, two firms short on the last instalment — overdue),
 * Henglan's 34.6万元 to a paired county, Xujing chamber's 同心筑梦 school donations (still
 * running, some pledges not yet due), and Gongjing's 20.6万元 of donations.
 */
const wan = (text: string) => parseFen(`${text}万`);

/** A pledge with its instalments and the receipts against it, inserted in batches at the end. */
interface PledgeSpec {
  campaignId: number;
  organisationId: number;
  amountFen: number;
  pledgedOn: string;
  dueDate: string | null;
  instalments: Array<{ dueDate: string; amountFen: number }>;
  receipts: Array<{ amountFen: number; receivedOn: string; reference: string }>;
}

interface Books {
  pledges: PledgeSpec[];
  receipts: ReceiptSeed[];
}

interface ReceiptSeed {
  campaign_id: number;
  pledge_id: number | null;
  organisation_id: number;
  amount_fen: number;
  received_on: string;
  reference: string | null;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

async function orgsIn(ctx: SeedContext, namePath: string, type: string) {
  const path = (await ctx.db.selectFrom('divisions').select('path').where('id', '=', divisionId(ctx, namePath)).executeTakeFirstOrThrow()).path;
  return ctx.db.selectFrom('organisations').select(['id', 'name']).where(divisionInScope('organisations.division_id', path)).where('type', '=', type).orderBy('id').execute();
}

async function orgByName(ctx: SeedContext, name: string) {
  return (await ctx.db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

async function campaign(ctx: SeedContext, values: { division: string; title: string; target: string; start: string; end: string | null; beneficiary: string; description: string }) {
  return insertCampaign(
    ctx.db,
    {
      divisionId: divisionId(ctx, values.division),
      title: values.title,
      targetFen: wan(values.target),
      startDate: values.start,
      endDate: values.end,
      beneficiaryDivisionId: null,
      beneficiaryName: values.beneficiary,
      description: values.description,
    },
    null,
    `${values.start}T02:00:00.000Z`,
  );
}

async function henglanCharity(ctx: SeedContext, books: Books) {
  const id = await campaign(ctx, { division: '广东省/中山市/横栏镇', title: '横栏镇慈善帮扶（2022—2024）', target: '1900', start: '2022-01-01', end: '2024-12-31', beneficiary: '镇内困难群众及结对帮扶地区', description: '商会委员会发动会员企业三年认捐，分年到账。' });
  const firms = await orgsIn(ctx, '广东省/中山市/横栏镇', 'enterprise');
  // Two firms pledged 36万 and 33.6万 and paid two of three instalments: 23.2万 overdue.
  const amounts = [wan('36'), wan('33.6'), ...splitExact(wan('1950') - wan('69.6'), firms.slice(2).map((_, i) => 1 + unit(i + 200) * 3), wan('1'))];
  const dues = ['2022-12-31', '2023-12-31', '2024-12-31'];
  let pledged = 0;
  for (const [i, firm] of firms.entries()) {
    const amount = amounts[i]!;
    const parts = splitExact(amount, [1, 1, 1], 100);
    const receipts = parts.flatMap((part, k) => {
      if (i < 2 && k === 2) return [];
      const on = plusDays(dues[k]!, -5 - Math.floor(unit(i * 3 + k) * 50));
      return [{ amountFen: part, receivedOn: on, reference: `HL${on.slice(0, 4)}-${String(i + 1).padStart(3, '0')}` }];
    });
    books.pledges.push({ campaignId: id, organisationId: firm.id, amountFen: amount, pledgedOn: '2022-02-15', dueDate: null, instalments: parts.map((amountFen, k) => ({ dueDate: dues[k]!, amountFen })), receipts });
    pledged += amount;
  }
  return { id, pledges: firms.length, pledgedFen: pledged };
}

async function henglanAid(ctx: SeedContext, books: Books) {
  const id = await campaign(ctx, { division: '广东省/中山市/横栏镇', title: '横栏镇对口帮扶资金', target: '34.6', start: '2024-03-01', end: '2024-12-31', beneficiary: '结对帮扶县', description: '商会委员会及会员企业向结对帮扶县捐赠帮扶资金。' });
  const committee = await orgByName(ctx, demoOrganisationNames.henglanCommittee);
  books.receipts.push({ campaign_id: id, pledge_id: null, organisation_id: committee, amount_fen: wan('20.2'), received_on: '2024-04-18', reference: 'HLBF-001', note: '商会委员会捐赠', created_by: null, created_at: '2024-04-18T08:00:00.000Z' });
  const firms = (await orgsIn(ctx, '广东省/中山市/横栏镇', 'enterprise')).slice(2, 10);
  for (const [i, firm] of firms.entries()) {
    const receipts = [{ amountFen: wan('1.8'), receivedOn: plusDays('2024-05-01', i * 9), reference: `HLBF-${String(i + 2).padStart(3, '0')}` }];
    books.pledges.push({ campaignId: id, organisationId: firm.id, amountFen: wan('1.8'), pledgedOn: '2024-03-20', dueDate: '2024-10-31', instalments: [], receipts });
  }
  return { id, pledges: firms.length };
}

async function xujingSchools(ctx: SeedContext, books: Books) {
  const year = Number(ctx.at.slice(0, 4));
  const id = await campaign(ctx, { division: '上海市/青浦区/徐泾镇', title: '同心筑梦·徐泾镇商会助学行动', target: '60', start: '2025-03-01', end: `${Math.max(year, 2025)}-12-31`, beneficiary: '徐泾镇中小学', description: '商会会员企业认捐助学金，资助镇内学校改善设施、奖励师生。' });
  const chamber = await orgByName(ctx, demoOrganisationNames.xujingChamber);
  const firms = await orgsIn(ctx, '上海市/青浦区/徐泾镇', 'enterprise');
  for (const [i, firm] of firms.entries()) {
    const amount = i < 12 ? wan('3') : wan('1.5');
    const unpaid = i >= firms.length - 4;
    const receipts = unpaid ? [] : [{ amountFen: amount, receivedOn: plusDays('2025-04-01', i * 6), reference: `XJZM-${String(i + 1).padStart(3, '0')}` }];
    books.pledges.push({ campaignId: id, organisationId: firm.id, amountFen: amount, pledgedOn: '2025-03-15', dueDate: unpaid ? `${Math.max(year, 2025)}-12-31` : '2025-09-30', instalments: [], receipts });
  }
  books.receipts.push({ campaign_id: id, pledge_id: null, organisation_id: chamber, amount_fen: wan('6'), received_on: '2025-06-01', reference: 'XJZM-000', note: '商会本级捐赠', created_by: null, created_at: '2025-06-01T08:00:00.000Z' });
  return { id, pledges: firms.length };
}

async function gongjingDonations(ctx: SeedContext, books: Books) {
  const id = await campaign(ctx, { division: '四川省/自贡市/贡井区', title: '贡井区新联会公益捐赠', target: '20', start: '2021-01-01', end: '2021-12-31', beneficiary: '区内困难群众和公益项目', description: '新联会及航空产业园分会会员捐赠。' });
  const association = await orgByName(ctx, demoOrganisationNames.gongjingAssociation);
  const branch = await orgByName(ctx, demoOrganisationNames.gongjingBranch);
  books.receipts.push({ campaign_id: id, pledge_id: null, organisation_id: association, amount_fen: wan('12.6'), received_on: '2021-06-01', reference: 'GJ-2021-01', note: null, created_by: null, created_at: '2021-06-01T08:00:00.000Z' });
  books.receipts.push({ campaign_id: id, pledge_id: null, organisation_id: branch, amount_fen: wan('8'), received_on: '2021-09-15', reference: 'GJ-2021-02', note: null, created_by: null, created_at: '2021-09-15T08:00:00.000Z' });
  return { id, pledges: 0 };
}

/** Pledges, then their instalments and all receipts, each in batches of at most 500 rows. */
async function insertBooks(ctx: SeedContext, books: Books) {
  const ids = new Map<string, number>();
  for (let i = 0; i < books.pledges.length; i += 500) {
    const rows = await ctx.db
      .insertInto('campaign_pledges')
      .values(
        books.pledges.slice(i, i + 500).map((p) => ({
          campaign_id: p.campaignId,
          organisation_id: p.organisationId,
          amount_fen: p.amountFen,
          pledged_on: p.pledgedOn,
          due_date: p.dueDate,
          note: null,
          cancelled_at: null,
          created_at: `${p.pledgedOn}T02:00:00.000Z`,
          updated_at: `${p.pledgedOn}T02:00:00.000Z`,
        })),
      )
      .returning(['id', 'campaign_id', 'organisation_id'])
      .execute();
    for (const row of rows) ids.set(`${row.campaign_id}|${row.organisation_id}`, row.id);
  }
  const instalments = books.pledges.flatMap((p) => p.instalments.map((i) => ({ pledge_id: ids.get(`${p.campaignId}|${p.organisationId}`)!, due_date: i.dueDate, amount_fen: i.amountFen })));
  for (let i = 0; i < instalments.length; i += 500) await ctx.db.insertInto('pledge_instalments').values(instalments.slice(i, i + 500)).execute();
  const receipts: ReceiptSeed[] = [
    ...books.receipts,
    ...books.pledges.flatMap((p) =>
      p.receipts.map((r) => ({
        campaign_id: p.campaignId,
        pledge_id: ids.get(`${p.campaignId}|${p.organisationId}`)!,
        organisation_id: p.organisationId,
        amount_fen: r.amountFen,
        received_on: r.receivedOn,
        reference: r.reference,
        note: null,
        created_by: null,
        created_at: `${r.receivedOn}T08:00:00.000Z`,
      })),
    ),
  ];
  for (let i = 0; i < receipts.length; i += 500) await ctx.db.insertInto('campaign_receipts').values(receipts.slice(i, i + 500)).execute();
  return receipts;
}

export async function seedCampaigns(ctx: SeedContext) {
  const books: Books = { pledges: [], receipts: [] };
  const parts = [await henglanCharity(ctx, books), await henglanAid(ctx, books), await xujingSchools(ctx, books), await gongjingDonations(ctx, books)];
  const receipts = await insertBooks(ctx, books);
  return { campaigns: parts.length, pledges: books.pledges.length, receipts: receipts.length, receivedFen: sumFen(receipts.map((r) => r.amount_fen)) };
}
