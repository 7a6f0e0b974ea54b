/**
 * Check-in benchmark (issue 14): 300 participants, each with their own session, check in to one
 * event with the door code over real HTTP on a fresh SQLite database, while office staff keep
 * reading their lists. Prints p50 / p95 / p99 of the check-ins and of the office lists (quiet and
 * during the rush). Target: check-in p99 < 200 ms.
 *
 *   npm run bench:check-in -w bench
 *   PEOPLE=300 CONCURRENCY=10 npm run bench:check-in -w bench
 *
 * CONCURRENCY is how many phones are in flight at once: 10 is far harsher than 300 people arriving
 * over 10 minutes (0.5 a second), so the figure is an upper bound for the door.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/src/config.ts';
import { openDatabase } from '../server/src/db/database.ts';
import { migrateToLatest } from '../server/src/db/migrate.ts';
import { buildApp } from '../server/src/http/app.ts';
import { hashPassword } from '../server/src/modules/auth/password.ts';
import { insertDivision } from '../server/src/modules/divisions/divisions.repo.ts';
import { insertUser } from '../server/src/modules/users/users.repo.ts';

const people = Number(process.env.PEOPLE ?? 300);
const concurrency = Number(process.env.CONCURRENCY ?? 10);
const password = 'Bench2026checkin';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-bench-checkin-'));

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
function summary(label: string, times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`${label.padEnd(40)} n=${String(sorted.length).padStart(4)}  p50 ${percentile(sorted, 50).toFixed(1)} ms  p95 ${percentile(sorted, 95).toFixed(1)} ms  p99 ${percentile(sorted, 99).toFixed(1)} ms  max ${sorted.at(-1)!.toFixed(1)} ms`);
  return percentile(sorted, 99);
}

async function main() {
  const handle = await openDatabase({ sqliteFile: path.join(dir, 'bench.db') });
  await migrateToLatest(handle);
  const at = new Date().toISOString();
  const city = await insertDivision(handle.db, { parentId: null, parentPath: null, parentDepth: -1, name: '上海市', level: 'city', code: null, at });
  const district = await insertDivision(handle.db, { parentId: city.id, parentPath: city.path, parentDepth: city.depth, name: '青浦区', level: 'district', code: null, at });
  const town = await insertDivision(handle.db, { parentId: district.id, parentPath: district.path, parentDepth: district.depth, name: '华新镇', level: 'town', code: null, at });
  const passwordHash = await hashPassword(password);
  await insertUser(handle.db, { username: 'office', displayName: '华新镇工作人员', passwordHash, divisionId: town.id, roles: ['staff'], phone: null, at });
  const org = await handle.db
    .insertInto('organisations')
    .values({ division_id: town.id, name: '华新镇志愿服务队', type: 'volunteer_team', created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < people; i++) {
    const phone = `1390001${String(i).padStart(4, '0')}`;
    const id = await insertUser(handle.db, { username: phone, displayName: `志愿者${i}`, passwordHash, divisionId: town.id, roles: ['volunteer'], phone, at });
    await handle.db.insertInto('organisation_handlers').values({ organisation_id: org.id, user_id: id, created_at: at }).execute();
  }

  const app = await buildApp({ handle, config: loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', SIGN_IN_MAX_FAILURES_PER_IP: '100000' }), logger: false });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const signIn = async (username: string) => {
    const response = await fetch(`${address}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (!response.ok) throw new Error(`sign-in ${username}: ${response.status}`);
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return { cookie, csrfToken };
  };
  const call = async (session: { cookie: string; csrfToken: string }, method: string, url: string, body?: unknown) => {
    const started = performance.now();
    const response = await fetch(`${address}${url}`, {
      method,
      headers: { cookie: session.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text.slice(0, 200)}`);
    return { ms, json: JSON.parse(text) as Record<string, unknown> };
  };

  const office = await signIn('office');
  const start = new Date(Date.now() + 3_600_000);
  const event = await call(office, 'POST', '/api/events', {
    divisionId: town.id,
    title: '志愿服务日',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
    capacity: people,
  });
  const eventId = event.json.id as number;
  console.log(`signing in ${people} participants (one session each)…`);
  const sessions: Array<{ cookie: string; csrfToken: string }> = [];
  for (let i = 0; i < people; i++) sessions.push(await signIn(`1390001${String(i).padStart(4, '0')}`));

  const officeLists = ['/api/organisations?page=1&pageSize=20', '/api/activities?page=1&pageSize=20', `/api/events/${eventId}/registrations`];
  const quiet: number[] = [];
  for (let round = 0; round < 20; round++) for (const url of officeLists) quiet.push((await call(office, 'GET', url)).ms);

  const checkIns: number[] = [];
  const busy: number[] = [];
  let next = 0;
  let rushing = true;
  // The screen at the door fetches the rotating code (and its QR) every 30 s; phones read it from there.
  let door = { code: '', at: Number.NEGATIVE_INFINITY };
  const currentCode = async () => {
    if (performance.now() - door.at > 30_000) door = { code: (await call(office, 'GET', `/api/events/${eventId}/door-code`)).json.code as string, at: performance.now() };
    return door.code;
  };
  const phone = async () => {
    while (next < sessions.length) {
      const session = sessions[next++]!;
      checkIns.push((await call(session, 'POST', `/api/events/${eventId}/check-in`, { code: await currentCode() })).ms);
    }
  };
  const desk = async () => {
    while (rushing) for (const url of officeLists) busy.push((await call(office, 'GET', url)).ms);
  };
  const started = performance.now();
  const deskRun = desk();
  await Promise.all(Array.from({ length: concurrency }, phone));
  rushing = false;
  await deskRun;
  const seconds = (performance.now() - started) / 1000;

  const detail = await call(office, 'GET', `/api/events/${eventId}`);
  const activity = await call(office, 'GET', `/api/activities/${event.json.activityId as number}`);
  console.log(`\n${people} check-ins, ${concurrency} phones at once, in ${seconds.toFixed(1)} s (${(people / seconds).toFixed(0)}/s); event counts ${detail.json.checkedIn as number}, activity participant count ${activity.json.participantCount as number}`);
  const p99 = summary('check-in (POST /api/events/:id/check-in)', checkIns);
  summary('office lists, quiet', quiet);
  summary('office lists, during the check-ins', busy);
  console.log(`target check-in p99 < 200 ms: ${p99 < 200 ? 'met' : 'NOT met'}`);
  await app.close();
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
