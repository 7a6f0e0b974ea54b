/**
 * Search benchmark: generate 1,000,000 activity- and request-like records straight into the
 * search index of a fresh SQLite database (through the real `indexDocuments`), then time the real
 * search service (every kind, 5 hits each, as the search box asks) for 1-, 2- and 3-character
 * queries and pinyin, as a system admin (whole tree), a district and a town. Target: p99 < 30 ms.
 *
 *   npm run bench:search -w bench                 # 1,000,000 records
 *   DOCS=100000 npm run bench:search -w bench
 *   KEEP=/tmp/search.db npm run bench:search -w bench   # keep (and reuse) the database file
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor, SearchKind } from '@tongxin/core';
import { sql } from 'kysely';
import { loadConfig } from '../server/src/config.ts';
import { openDatabase } from '../server/src/db/database.ts';
import { migrateToLatest } from '../server/src/db/migrate.ts';
import { systemClock, type ActorContext } from '../server/src/http/context.ts';
import { insertDivision } from '../server/src/modules/divisions/divisions.repo.ts';
import { activityDocument, caseDocument, needDocument } from '../server/src/modules/search/search.documents.ts';
import { indexDocuments } from '../server/src/modules/search/search.index.ts';
import { search } from '../server/src/modules/search/search.service.ts';
import type { SearchDocumentInput } from '../server/src/modules/search/search.tokens.ts';

const total = Number(process.env.DOCS ?? 1_000_000);
const keep = process.env.KEEP;
const file = keep ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-bench-search-')), 'search.db');
const reuse = keep !== undefined && fs.existsSync(keep);

// Vocabulary in the shape of real records: places, organisers, kinds of work, what was done.
const places = ['华新镇', '赵巷镇', '徐泾镇', '朱家角镇', '练塘镇', '金泽镇', '重固镇', '白鹤镇', '夏阳街道', '盈浦街道', '枫泾镇', '吕巷镇', '亭林镇', '张堰镇', '漕泾镇', '山阳镇', '铜官区', '义安区', '谯城区', '蒙城县'];
const organisers = ['商会', '新联会', '知联会', '同乡会', '党派支部', '志愿服务队', '服务中心', '同心社', '青年联谊会', '妇女联谊会', '侨联', '工商联'];
const works = ['走访慰问', '座谈会', '政策宣讲', '法律咨询', '义诊', '助学', '结对帮扶', '招商推介', '技能培训', '学习交流', '文艺演出', '环境整治', '同心筑梦', '微心愿认领', '金点子征集'];
const objects = ['困难群众', '会员企业', '留守儿童', '孤寡老人', '新就业群体', '港澳同胞', '返乡青年', '小微企业', '退役军人', '外来务工人员'];
const needs = ['求助', '咨询', '建议', '微心愿', '维修', '就业', '助学', '医疗', '法律援助', '养老'];
const pick = <T>(list: T[], n: number) => list[n % list.length]!;

/** Deterministic pseudo-random numbers (xorshift), so every run indexes the same records. */
function random(seed: number) {
  let x = seed || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4_294_967_296;
  };
}

async function generate(ctx: ActorContext, towns: number[]) {
  const next = random(42);
  const int = (n: number) => Math.floor(next() * n);
  const batch = 5000;
  const started = Date.now();
  for (let offset = 0; offset < total; offset += batch) {
    const docs: SearchDocumentInput[] = [];
    for (let i = offset; i < Math.min(total, offset + batch); i++) {
      const division = towns[int(towns.length)]!;
      const place = pick(places, int(places.length));
      const date = `20${22 + int(4)}-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}`;
      const kind: SearchKind = i % 10 < 6 ? 'activity' : i % 10 < 8 ? 'need' : 'case';
      const title = kind === 'activity' ? `${place}${pick(organisers, int(99))}${pick(works, int(99))}` : `${pick(objects, int(99))}${pick(needs, int(99))}：${pick(works, int(99))}`;
      const body = `${place}${pick(organisers, int(99))}组织${pick(works, int(99))}活动，服务${pick(objects, int(99))}${10 + int(200)}人次，收集意见建议${int(30)}条。`;
      if (kind === 'activity') docs.push(activityDocument({ id: i + 1, division_id: division, title, summary: body, date }));
      else if (kind === 'need') docs.push(needDocument({ id: i + 1, division_id: division, title, description: body, ticket_no: `N${i + 1}`, published_at: date }));
      else docs.push(caseDocument({ id: i + 1, division_id: division, title, content: body, ticket_no: `C${i + 1}`, received_at: date }));
    }
    await ctx.db.transaction().execute((trx) => indexDocuments(trx, docs));
    if ((offset / batch) % 20 === 19) console.log(`  ${offset + batch} indexed, ${Math.round((Date.now() - started) / 1000)} s`);
  }
  const optimise = Date.now();
  await sql`insert into search_fts(search_fts) values ('optimize')`.execute(ctx.db);
  console.log(`generated ${total} records in ${Math.round((optimise - started) / 1000)} s; optimize ${Math.round((Date.now() - optimise) / 1000)} s`);
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const handle = await openDatabase({ sqliteFile: file });
  await migrateToLatest(handle);
  const config = loadConfig({ DATA_DIR: path.dirname(file), LOG_LEVEL: 'silent' });
  const actor = (scopePath: string | null, divisionId: number | null): Actor => ({
    userId: 0, username: 'bench', displayName: 'bench', divisionId, scopePath, roles: scopePath === null ? ['system_admin'] : ['staff'], locale: 'zh-CN',
  });
  const ctxFor = (a: Actor): ActorContext => ({ db: handle.db, dialect: 'sqlite', config, clock: systemClock, actor: a, ip: 'bench', userAgent: null, requestId: 'bench', locale: 'zh-CN' });

  // A city with 10 districts of 10 towns each: a town holds about 1% of the records.
  const at = new Date().toISOString();
  let city = await handle.db.selectFrom('divisions').select(['id', 'path', 'depth']).where('parent_id', 'is', null).executeTakeFirst();
  if (!city) {
    city = await insertDivision(handle.db, { parentId: null, parentPath: null, parentDepth: -1, name: '基准市', level: 'city', code: null, at });
    for (let d = 0; d < 10; d++) {
      const district = await insertDivision(handle.db, { parentId: city.id, parentPath: city.path, parentDepth: city.depth, name: `第${d + 1}区`, level: 'district', code: null, at });
      for (let t = 0; t < 10; t++) {
        await insertDivision(handle.db, { parentId: district.id, parentPath: district.path, parentDepth: district.depth, name: `第${d + 1}区第${t + 1}镇`, level: 'town', code: null, at });
      }
    }
  }
  const towns = await handle.db.selectFrom('divisions').select(['id', 'path', 'parent_id']).where('level', '=', 'town').orderBy('id').execute();
  const district = await handle.db.selectFrom('divisions').select(['id', 'path']).where('level', '=', 'district').orderBy('id').executeTakeFirstOrThrow();
  const existing = Number((await handle.db.selectFrom('search_documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  if (!reuse || existing < total) {
    if (existing > 0) await handle.db.deleteFrom('search_documents').execute();
    await generate(ctxFor(actor(null, null)), towns.map((town) => town.id));
  } else {
    console.log(`reusing ${existing} records in ${file}`);
  }

  const scopes = [
    { name: 'whole tree', ctx: ctxFor(actor(null, null)) },
    { name: 'district', ctx: ctxFor(actor(district.path, district.id)) },
    { name: 'town', ctx: ctxFor(actor(towns[0]!.path, towns[0]!.id)) },
  ];
  const queries: Record<string, string[]> = {
    '1 character': ['会', '镇', '企', '心', '助'],
    '2 characters': ['走访', '商会', '同心', '义诊', '青年'],
    '3 characters': ['座谈会', '志愿服', '新联会', '金点子', '留守儿'],
    pinyin: ['tongxin', 'tx', 'zoufang', 'hxz', 'shanghui'],
  };
  const rounds = Number(process.env.ROUNDS ?? 30);
  // Warm-up: script conversion and pinyin load on first use; the page cache fills.
  for (const scope of scopes) for (const list of Object.values(queries)) for (const q of list) await search(scope.ctx, { q, limit: 5 });

  const lines: string[] = [];
  const all: number[] = [];
  const allCpu: number[] = [];
  const loadBefore = os.loadavg()[0]!;
  for (const [label, list] of Object.entries(queries)) {
    const times: number[] = [];
    const cpu: number[] = [];
    let hits = 0;
    for (let round = 0; round < rounds; round++) {
      for (const scope of scopes) {
        for (const q of list) {
          const started = performance.now();
          const cpuStarted = process.cpuUsage();
          const result = await search(scope.ctx, { q, limit: 5 });
          times.push(performance.now() - started);
          const used = process.cpuUsage(cpuStarted);
          cpu.push((used.user + used.system) / 1000);
          hits += result.groups.reduce((n, group) => n + group.items.length, 0);
        }
      }
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    all.push(...times);
    allCpu.push(...cpu);
    lines.push(
      `| ${label} | ${list.join(' ')} | ${times.length} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 99).toFixed(1)} | ${times.at(-1)!.toFixed(1)} | ${percentile(cpu, 50).toFixed(1)} | ${percentile(cpu, 99).toFixed(1)} | ${(hits / times.length).toFixed(1)} |`,
    );
  }
  all.sort((a, b) => a - b);
  allCpu.sort((a, b) => a - b);
  const size = fs.statSync(file).size;
  console.log(`\n${total.toLocaleString('en')} records, database ${(size / 1024 / 1024).toFixed(0)} MB, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), node ${process.version}`);
  // Wall time suffers when other work shares the two cores; CPU time is what the search itself costs.
  console.log(`load average (1 min) before ${loadBefore.toFixed(1)}, after ${os.loadavg()[0]!.toFixed(1)}`);
  console.log('| queries | examples | searches | wall p50 ms | wall p99 ms | wall max ms | CPU p50 ms | CPU p99 ms | hits per search |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const line of lines) console.log(line);
  console.log(`| all | | ${all.length} | ${percentile(all, 50).toFixed(1)} | ${percentile(all, 99).toFixed(1)} | ${all.at(-1)!.toFixed(1)} | ${percentile(allCpu, 50).toFixed(1)} | ${percentile(allCpu, 99).toFixed(1)} | |`);
  await handle.close();
  if (!keep) fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
