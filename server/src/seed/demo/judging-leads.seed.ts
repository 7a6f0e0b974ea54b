import type { LeadOrigin, LeadStage } from '@tongxin/core';
import { parseFen } from '@tongxin/core/money';
import { divisionId, type SeedContext } from './context.ts';
import { bozhouSectors, hefeiFirmWords, hefeiSectors, plusDays, splitExact, talentFields, unit } from './judging.data.ts';

/**
 * Investment and talent (双招双引): Hefei's 133 Taiwan- and overseas-Chinese-funded projects
 * signed since 2018 whose contracts add up to exactly 480.4亿元 (most of them landed), a dozen
 * open leads, and 206 talents; Bozhou's 80 signed agricultural projects worth exactly 240亿元,
 * a quarter of them brought in by member firms (以商引商).
 */
interface History {
  lead_id: number;
  from_stage: string | null;
  to_stage: string;
  on_date: string;
  note: string | null;
  actor_id: number | null;
  at: string;
}

/** The stage steps a lead went through, with their dates. */
function steps(stage: LeadStage, dates: { contact: string; talks: string; signed: string | null; landed: string | null }) {
  const path: Array<[LeadStage, string]> = [['lead', dates.contact]];
  if (stage !== 'lead') path.push(['talks', dates.talks]);
  if (stage === 'signed' || stage === 'landed') path.push(['signed', dates.signed!]);
  if (stage === 'landed') path.push(['landed', dates.landed!]);
  return path;
}

interface LeadSpec {
  divisionId: number;
  firmName: string;
  sector: string;
  origin: LeadOrigin;
  sourceOrganisationId: number | null;
  sourceNote: string | null;
  stage: LeadStage;
  contractFen: number | null;
  landedFen: number | null;
  contact: string;
  signed: string | null;
  landed: string | null;
}

/** Insert every lead in batches of 500 and their stage histories; firm names are unique per division here. */
async function insertLeads(ctx: SeedContext, specs: LeadSpec[]): Promise<number> {
  const ids = new Map<string, number>();
  for (let i = 0; i < specs.length; i += 500) {
    const rows = await ctx.db
      .insertInto('investment_leads')
      .values(
        specs.slice(i, i + 500).map((l) => ({
          division_id: l.divisionId,
          firm_name: l.firmName,
          sector: l.sector,
          origin: l.origin,
          source_organisation_id: l.sourceOrganisationId,
          source_note: l.sourceNote,
          stage: l.stage,
          contract_fen: l.contractFen,
          landed_fen: l.landedFen,
          first_contact_on: l.contact,
          signed_on: l.signed,
          landed_on: l.landed,
          note: null,
          created_by: null,
          archived_at: null,
          created_at: `${l.contact}T02:00:00.000Z`,
          updated_at: `${l.landed ?? l.signed ?? l.contact}T02:00:00.000Z`,
        })),
      )
      .returning(['id', 'division_id', 'firm_name'])
      .execute();
    for (const row of rows) ids.set(`${row.division_id}|${row.firm_name}`, row.id);
  }
  const history: History[] = [];
  for (const l of specs) {
    let previous: LeadStage | null = null;
    for (const [stage, date] of steps(l.stage, { contact: l.contact, talks: plusDays(l.contact, 30), signed: l.signed, landed: l.landed })) {
      history.push({ lead_id: ids.get(`${l.divisionId}|${l.firmName}`)!, from_stage: previous, to_stage: stage, on_date: date, note: null, actor_id: null, at: `${date}T02:00:00.000Z` });
      previous = stage;
    }
  }
  for (let i = 0; i < history.length; i += 500) await ctx.db.insertInto('lead_stage_history').values(history.slice(i, i + 500)).execute();
  return history.length;
}

/** A date spread evenly from `start` over `days`, by index. */
const spread = (start: string, days: number, i: number, n: number) => plusDays(start, Math.floor((days * i) / n));

async function seedHefei(ctx: SeedContext, specs: LeadSpec[]) {
  const hefei = divisionId(ctx, '安徽省/合肥市');
  const count = 133;
  const contracts = splitExact(parseFen('480.4亿元'), Array.from({ length: count }, (_, i) => 0.3 + unit(i + 500) * 2.7), parseFen('100万'));
  for (let i = 0; i < count; i += 1) {
    const signed = spread('2018-01-15', 2900, i, count);
    const landed = signed < '2024-06-01' && unit(i + 700) < 0.75 ? plusDays(signed, 150 + Math.floor(unit(i + 800) * 200)) : null;
    const word = hefeiFirmWords[i % hefeiFirmWords.length]!;
    const sector = hefeiSectors[i % hefeiSectors.length]!;
    const origin: LeadOrigin = i % 3 === 2 ? 'overseas_chinese' : 'taiwan';
    specs.push({
      divisionId: hefei,
      firmName: `${word}${sector}（合肥）有限公司${i >= hefeiFirmWords.length ? `（${Math.floor(i / hefeiFirmWords.length) + 1}期）` : ''}`,
      sector,
      origin,
      sourceOrganisationId: null,
      sourceNote: i % 4 === 0 ? '以商引商：已落户台资企业推荐' : i % 4 === 1 ? '线上招商推介会' : null,
      stage: landed ? 'landed' : 'signed',
      contractFen: contracts[i]!,
      landedFen: landed ? Math.floor((contracts[i]! * (40 + Math.floor(unit(i + 900) * 50))) / 100 / 1_000_000) * 1_000_000 : null,
      contact: plusDays(signed, -(90 + Math.floor(unit(i + 600) * 120))),
      signed,
      landed,
    });
  }
  // The open pipeline: leads and talks not yet signed.
  const today = ctx.at.slice(0, 10);
  for (let i = 0; i < 12; i += 1) {
    specs.push({
      divisionId: hefei,
      firmName: `${hefeiFirmWords[(i + 7) % hefeiFirmWords.length]}${hefeiSectors[i % hefeiSectors.length]}（拟落户）`,
      sector: hefeiSectors[i % hefeiSectors.length]!,
      origin: i % 2 === 0 ? 'taiwan' : 'overseas_chinese',
      sourceOrganisationId: null,
      sourceNote: '线上招商推介会',
      stage: i < 7 ? 'lead' : 'talks',
      contractFen: null,
      landedFen: null,
      contact: plusDays(today, -(40 + i * 15)),
      signed: null,
      landed: null,
    });
  }
  // 206 talents since 2018 (200+), by field and year.
  const talents = splitExact(206, Array.from({ length: 24 }, (_, i) => 1 + unit(i + 300)), 1);
  const rows = talents.map((count, i) => ({
    division_id: hefei,
    date: spread('2018-03-01', 2800, i, talents.length),
    count,
    field: talentFields[i % talentFields.length]!,
    origin: i % 3 === 0 ? '台湾地区' : i % 3 === 1 ? '海外' : '港澳地区',
    note: null,
    created_by: null,
    created_at: ctx.at,
    updated_at: ctx.at,
  }));
  await ctx.db.insertInto('talent_intakes').values(rows).execute();
  return { signed: count, open: 12, talents: talents.reduce((a, b) => a + b, 0) };
}

async function seedBozhou(ctx: SeedContext, specs: LeadSpec[]) {
  const districts = ['谯城区', '涡阳县', '蒙城县', '利辛县'];
  const count = 80;
  const contracts = splitExact(parseFen('240亿元'), Array.from({ length: count }, (_, i) => 0.5 + unit(i + 1500) * 1.5), parseFen('100万'));
  const firms = await ctx.db
    .selectFrom('organisations as o')
    .innerJoin('divisions as d', 'd.id', 'o.division_id')
    .select(['o.id', 'd.name'])
    .where('o.type', '=', 'enterprise')
    .where('d.name', 'in', districts)
    .orderBy('o.id')
    .limit(40)
    .execute();
  for (let i = 0; i < count; i += 1) {
    const district = districts[i % districts.length]!;
    const source = i % 4 === 0 ? firms.find((f, k) => f.name === district && k >= i / 4) : undefined;
    const signed = spread('2021-03-01', 1500, i, count);
    const landed = unit(i + 1700) < 0.5 && signed < '2024-12-01' ? plusDays(signed, 200) : null;
    specs.push({
      divisionId: divisionId(ctx, `安徽省/亳州市/${district}`),
      firmName: `${district.slice(0, 2)}${bozhouSectors[i % bozhouSectors.length]}项目（${String(i + 1).padStart(2, '0')}）`,
      sector: bozhouSectors[i % bozhouSectors.length]!,
      origin: 'domestic',
      sourceOrganisationId: source?.id ?? null,
      sourceNote: source ? '以商引商：本地民营企业引荐' : null,
      stage: landed ? 'landed' : 'signed',
      contractFen: contracts[i]!,
      landedFen: landed ? Math.floor(contracts[i]! / 2 / 1_000_000) * 1_000_000 : null,
      contact: plusDays(signed, -120),
      signed,
      landed,
    });
  }
  return { signed: count };
}

export async function seedLeads(ctx: SeedContext) {
  const specs: LeadSpec[] = [];
  const hefei = await seedHefei(ctx, specs);
  const bozhou = await seedBozhou(ctx, specs);
  const history = await insertLeads(ctx, specs);
  return { hefei, bozhou, history };
}
