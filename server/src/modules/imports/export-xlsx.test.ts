import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActorContext } from '../../http/context.ts';
import { auditRows, createTestApp, type TestApp } from '../../test/harness.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';
import { exportXlsx, keysetRows } from './export-xlsx.ts';

/*
 * exportXlsx is a helper the list modules call from their own `GET /api/<entity>/export`. Here it
 * is driven from a throwaway route on a real database, as such a module would.
 */
let t: TestApp;
let ctx: ActorContext;
const exporter = Fastify();
beforeAll(async () => {
  t = await createTestApp();
  const { huaxin } = t.fixture.divisions;
  ctx = {
    db: t.handle.db,
    dialect: t.handle.dialect,
    config: t.config,
    clock: t.clock,
    actor: { userId: t.fixture.users.huaxinStaff.id, username: 'huaxin.staff', displayName: 'huaxin.staff', divisionId: huaxin.id, scopePath: huaxin.path, roles: ['staff'], locale: 'zh-CN' },
    ip: '127.0.0.1',
    userAgent: null,
    requestId: 'export-test',
    locale: 'zh-CN',
  };
  exporter.get('/users', async (_request, reply) =>
    exportXlsx(reply, ctx, {
      entity: 'user',
      label: 'entities.user',
      filter: { divisionId: huaxin.id },
      columns: [
        { header: '用户名', value: (user: { username: string; phone: string | null }) => user.username },
        { header: '手机', value: (user) => user.phone, phone: true },
      ],
      rows: keysetRows((afterId, limit) =>
        t.handle.db
          .selectFrom('users')
          .select(['id', 'username', 'phone'])
          .where(divisionInScope('users.division_id', huaxin.path))
          .where('id', '>', afterId)
          .orderBy('id')
          .limit(limit)
          .execute(),
      ),
    }),
  );
  exporter.get('/many', async (_request, reply) =>
    exportXlsx(reply, ctx, {
      entity: 'bench',
      label: 'entities.record',
      filter: {},
      columns: [{ header: '序号', value: (n: number) => n }],
      rows: (async function* () {
        for (let n = 1; n <= 5000; n += 1) yield n;
      })(),
    }),
  );
  await exporter.ready();
});
afterAll(async () => {
  await exporter.close();
  await t.close();
});

async function read(payload: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

describe('exportXlsx', () => {
  it('200: streams the scoped rows with masked phones, a Chinese file name and an audit entry with filter and count', async () => {
    const response = await exporter.inject({ method: 'GET', url: '/users' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="user-20261125.xlsx"; filename*=UTF-8''${encodeURIComponent('用户_20261125.xlsx')}`,
    );
    const sheet = await read(response.rawPayload);
    expect(sheet.name).toBe('用户');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['用户名', '手机']);
    // Only huaxin.staff lives in 华新镇's subtree; the phone never leaves unmasked.
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['huaxin.staff', '138****5678']);
    expect(sheet.rowCount).toBe(2);
    const [audit] = await auditRows(t.handle, 'user.export');
    expect(JSON.parse(audit!.detail!)).toEqual({ filter: { divisionId: t.fixture.divisions.huaxin.id }, rows: 1 });
    expect(audit!.actor_id).toBe(t.fixture.users.huaxinStaff.id);
  });

  it('200: the file name carries the Beijing date, not the UTC one (23:30 UTC is the next morning in Shanghai)', async () => {
    const before = t.clock.now().toISOString();
    t.clock.set('2026-11-25T23:30:00.000Z');
    try {
      const response = await exporter.inject({ method: 'GET', url: '/users' });
      expect(response.headers['content-disposition']).toBe(`attachment; filename="user-20261126.xlsx"; filename*=UTF-8''${encodeURIComponent('用户_20261126.xlsx')}`);
    } finally {
      t.clock.set(before);
    }
  });

  it('200: thousands of rows stream through one page at a time', async () => {
    const response = await exporter.inject({ method: 'GET', url: '/many' });
    const sheet = await read(response.rawPayload);
    expect(sheet.rowCount).toBe(5001);
    expect(sheet.getCell('A5001').value).toBe(5000);
    const [audit] = await auditRows(t.handle, 'bench.export');
    expect(JSON.parse(audit!.detail!).rows).toBe(5000);
  });
});
