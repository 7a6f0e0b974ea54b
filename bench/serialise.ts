/**
 * Issue 20: what response validation costs per request. `npx tsx serialise.ts` (bench/): one page of
 * the organisations list (20 and 200 rows) through the serializer the app uses
 * (fastify-type-provider-zod: Zod parse, then JSON.stringify) beside JSON.stringify alone. CPU per
 * serialisation in µs; compare with a list request's total to judge whether it pays.
 */
import { listPageSchema, organisationSchema } from '@tongxin/core';
import { isDeepStrictEqual } from 'node:util';
import { serializerCompiler } from 'fastify-type-provider-zod';

const schema = listPageSchema(organisationSchema);
const serialise = serializerCompiler({ schema, method: 'GET', url: '/api/organisations', httpStatus: '200' } as never) as (data: unknown) => string;

function page(size: number) {
  const items = Array.from({ length: size }, (_, i) => ({
    id: i + 1, divisionId: 5, divisionName: '华新镇', name: `测试企业${i}`, type: 'enterprise', parentId: null, parentName: null,
    foundedOn: '2020-01-01', contactName: '王芳', contactPhone: '139****0001', address: '上海市青浦区华新镇华腾路1号', description: null,
    archived: false, archivedAt: null, version: 1, createdAt: '2026-11-25T02:00:00.000Z', updatedAt: '2026-11-25T02:00:00.000Z',
  }));
  return { items, total: 200_000, totalIsEstimate: false, page: 2, pageSize: size, nextCursor: 'WyJuYW1lIiwiYXNjIiwi5rWL6K-V5LyB5LiaMTkiLDIwXQ' };
}

function time(label: string, run: () => string, rounds: number): number {
  for (let i = 0; i < 200; i += 1) run();
  const start = process.cpuUsage();
  for (let i = 0; i < rounds; i += 1) run();
  const used = process.cpuUsage(start);
  const us = (used.user + used.system) / rounds;
  console.log(`| ${label} | ${us.toFixed(1)} |`);
  return us;
}

console.log('| serialisation of one list page | CPU µs |\n|---|---|');
for (const size of [20, 200]) {
  const data = page(size);
  if (!isDeepStrictEqual(JSON.parse(serialise(data)), data)) throw new Error('serialisers disagree');
  const rounds = size === 20 ? 5000 : 500;
  const zod = time(`${size} rows: Zod parse + JSON.stringify (what the app does)`, () => serialise(data), rounds);
  const plain = time(`${size} rows: JSON.stringify alone`, () => JSON.stringify(data), rounds);
  console.log(`| ${size} rows: validation's share | ${(zod - plain).toFixed(1)} µs (${(zod / plain).toFixed(1)}×) |`);
}
