import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { addEntry, createCompetition, setPhase } from '../competitions/judging.fixture.ts';
import { lastVoteCode } from './votes.sender.ts';
import { rateCount } from '../../kernel/rate-limit.ts';
import { phoneHashOf } from './votes.service.ts';

let t: TestApp;
let jinshan: TestClient;
let competitionId: number;
const entries: number[] = [];

/** Verify a phone through the API, reading the code from the test-only channel. */
async function voterToken(phone: string): Promise<string> {
  const sent = await t.anonymous().post('/api/public/vote-codes', { phone });
  if (sent.statusCode !== 202) throw new Error(`code: ${sent.statusCode} ${sent.body}`);
  const verified = await t.anonymous().post('/api/public/vote-codes/verify', { phone, code: lastVoteCode(phone) });
  if (verified.statusCode !== 200) throw new Error(`verify: ${verified.statusCode} ${verified.body}`);
  return verified.json().voterToken as string;
}

const vote = (token: string | null, entryId: number) =>
  t.anonymous().post(`/api/public/competitions/${competitionId}/votes`, { entryId }, token ? { 'x-voter-token': token } : {});

beforeAll(async () => {
  t = await createTestApp();
  jinshan = await t.signIn('jinshan.admin');
  competitionId = (await createCompetition(jinshan, t.fixture.divisions.jinshan.id)).id;
  for (const title of ['项目一', '项目二', '项目三']) entries.push((await addEntry(jinshan, competitionId, { title, organisationName: `${title}单位` })).id);
});
afterAll(async () => t.close());

describe('one-time codes', () => {
  it('202 then 200: a code goes to the phone (test-only channel) and buys a voter token; a code works once', async () => {
    const sent = await t.anonymous().post('/api/public/vote-codes', { phone: '139 0000 1111' });
    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toEqual({ expiresInSeconds: 600, resendAfterSeconds: 60 });
    const code = lastVoteCode('13900001111')!;
    expect(code).toMatch(/^\d{6}$/);
    const wrong = await t.anonymous().post('/api/public/vote-codes/verify', { phone: '13900001111', code: code === '000000' ? '000001' : '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].path).toBe('body.code');
    const right = await t.anonymous().post('/api/public/vote-codes/verify', { phone: '13900001111', code });
    expect(right.statusCode).toBe(200);
    expect(right.json().voterToken).toHaveLength(43);
    expect((await t.anonymous().post('/api/public/vote-codes/verify', { phone: '13900001111', code })).statusCode).toBe(400);
    const stored = await t.handle.db.selectFrom('vote_codes').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain('13900001111');
  });

  it('400: a landline or a malformed code', async () => {
    expect((await t.anonymous().post('/api/public/vote-codes', { phone: '021-12345678' })).json().error.fields[0].path).toBe('body.phone');
    expect((await t.anonymous().post('/api/public/vote-codes/verify', { phone: '13900001111', code: '12ab' })).json().error.fields[0].path).toBe('body.code');
  });

  it('429: a second code within a minute, with Retry-After; the limit lives in the database and lifts with time', async () => {
    await t.anonymous().post('/api/public/vote-codes', { phone: '13900002222' });
    const again = await t.anonymous().post('/api/public/vote-codes', { phone: '13900002222' });
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    expect(await rateCount(t.handle.db, `vote-code-phone:${phoneHashOf('13900002222')}`, t.clock.now())).toBe(2);
    t.clock.advance(61_000);
    expect((await t.anonymous().post('/api/public/vote-codes', { phone: '13900002222' })).statusCode).toBe(202);
  });
});

describe('casting votes', () => {
  it('404: the public page does not exist before the vote opens; 409: no vote outside the window; 401: no token', async () => {
    expect((await t.anonymous().get(`/api/public/competitions/${competitionId}`)).statusCode).toBe(404);
    const token = await voterToken('13900003333');
    const early = await vote(token, entries[0]!);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details).toEqual({ reason: 'phase_closed', phase: 'public_vote' });
    await setPhase(jinshan, competitionId, 'public_vote', true);
    expect((await vote(null, entries[0]!)).statusCode).toBe(401);
    expect((await vote('made-up-token', entries[0]!)).statusCode).toBe(401);
  });

  it('201 then 409: one vote per verified phone per entry; other entries are free', async () => {
    const token = await voterToken('13900004444');
    const first = await vote(token, entries[0]!);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ entryId: entries[0] });
    const second = await vote(token, entries[0]!);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('duplicate');
    expect((await vote(token, entries[1]!)).statusCode).toBe(201);
    // A new token for the same phone is the same voter.
    t.clock.advance(61_000);
    expect((await vote(await voterToken('13900004444'), entries[0]!)).statusCode).toBe(409);
  });

  it('201 once: ten simultaneous votes of one phone on one entry count once (the database index decides)', async () => {
    const token = await voterToken('13900005555');
    const responses = await Promise.all(Array.from({ length: 10 }, () => vote(token, entries[2]!)));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const rows = await t.handle.db.selectFrom('public_votes').select('id').where('entry_id', '=', entries[2]!).execute();
    expect(rows).toHaveLength(1);
  });

  it('201 once: a signed-in account votes as itself, also under concurrent requests', async () => {
    const huaxin = await t.signIn('huaxin.staff');
    const responses = await Promise.all(Array.from({ length: 5 }, () => huaxin.post(`/api/competitions/${competitionId}/votes`, { entryId: entries[0] })));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    const page = (await huaxin.get(`/api/public/competitions/${competitionId}`)).json();
    expect(page.myVotes).toEqual([entries[0]]);
  });

  it('200: counts stay hidden from the public unless the organiser shows them live', async () => {
    const page = (await t.anonymous().get(`/api/public/competitions/${competitionId}`)).json();
    expect(page.vote).toMatchObject({ open: true, liveCounts: false });
    expect(page.entries[0]).not.toHaveProperty('votes');
    expect(page.entries[0].organisationName).toBe('项目一单位');
    const competition = (await jinshan.get(`/api/competitions/${competitionId}`)).json();
    await jinshan.patch(`/api/competitions/${competitionId}`, { voteLiveCounts: true, version: competition.version });
    const live = (await t.anonymous().get(`/api/public/competitions/${competitionId}`)).json();
    expect(live.entries.map((x: { votes: number }) => x.votes)).toEqual([2, 1, 1]);
    const token = await voterToken('13900006666');
    expect((await vote(token, entries[1]!)).json()).toEqual({ entryId: entries[1], votes: 2 });
    expect((await t.anonymous().get(`/api/public/competitions/${competitionId}`, { 'x-voter-token': token })).json().myVotes).toEqual([entries[1]]);
  });

  it('200: organisers always see the counts; 403 outside the subtree', async () => {
    const counts = await jinshan.get(`/api/competitions/${competitionId}/votes`);
    // 4444 → 一、二; 5555 → 三; the huaxin account → 一; 6666 → 二.
    expect(counts.json()).toMatchObject({ total: 5, voters: 4, entries: [{ votes: 2 }, { votes: 2 }, { votes: 1 }] });
    expect((await (await t.signIn('huaxin.staff')).get(`/api/competitions/${competitionId}/votes`)).statusCode).toBe(403);
  });

  it('200: the public group’s figure comes from the votes, scaled to the raters’ maximum', async () => {
    const results = (await jinshan.get(`/api/competitions/${competitionId}/results`)).json();
    const publicFigure = (entryId: number) => results.entries.find((x: { entryId: number }) => x.entryId === entryId).groups.find((g: { groupId: string }) => g.groupId === 'public').figure;
    expect([publicFigure(entries[0]!), publicFigure(entries[1]!), publicFigure(entries[2]!)]).toEqual([100, 100, 50]);
    // Only the public group has a figure, so it alone makes the total.
    expect(results.entries.find((x: { entryId: number }) => x.entryId === entries[2]).total).toBe(50);
  });

  it('404: a withdrawn or unknown entry; 409: after the window closes', async () => {
    expect((await vote(await voterToken('13900007777'), 999_999)).statusCode).toBe(404);
    await setPhase(jinshan, competitionId, 'public_vote', false);
    t.clock.advance(61_000);
    const closed = await vote(await voterToken('13900007777'), entries[0]!);
    expect(closed.statusCode).toBe(409);
  });

  it('429: one address asking for codes for many phones is stopped at 20 an hour', async () => {
    t.clock.advance(3_600_000);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) statuses.push((await t.anonymous().post('/api/public/vote-codes', { phone: `1370000${String(i).padStart(4, '0')}` })).statusCode);
    expect(statuses.filter((s) => s === 202)).toHaveLength(20);
    expect(statuses.at(-1)).toBe(429);
  });
});
