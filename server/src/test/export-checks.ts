import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from './harness.ts';

/**
 * Shared checks of the list exports (`GET /api/<list>/export`). Every export answers the same
 * way — an .xlsx of the caller's scope, one audit entry, 403/400/401 — so the tests share these
 * and keep only what is particular to their list.
 */

/** The first sheet of an .xlsx response as rows of cell text. */
export async function sheetOf(response: LightMyRequestResponse): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    rows.push(Array.from((row.values as unknown[]).slice(1), (value) => (value === null || value === undefined ? '' : String(value))));
  });
  return rows;
}

export interface ExportSuite {
  t: TestApp;
  /** The whole tree (seeds the data). */
  admin: TestClient;
  /** A 华新镇 user: a town's export must hold that town only. */
  huaxinStaff: TestClient;
}

/**
 * Opens the test app and signs in admin and huaxin.staff before the file's tests, then runs
 * `seed`; closes the app after them. The returned object is filled in by `beforeAll`.
 */
export function useExportSuite(seed: (suite: ExportSuite) => Promise<void>): ExportSuite {
  const suite = {} as ExportSuite;
  beforeAll(async () => {
    suite.t = await createTestApp();
    suite.admin = await suite.t.signIn('admin');
    suite.huaxinStaff = await suite.t.signIn('huaxin.staff');
    await seed(suite);
  });
  afterAll(async () => suite.t.close());
  return suite;
}

/** The newest audit entry of `action` was written by huaxin.staff on `entity` and counts `rows`. */
export async function expectTownExportAudited(suite: ExportSuite, action: string, entity: string, rows: number) {
  const [audit] = await auditRows(suite.t.handle, action);
  expect(audit).toMatchObject({ actor_id: suite.t.fixture.users.huaxinStaff.id, entity });
  expect(JSON.parse(audit!.detail!)).toMatchObject({ rows });
}

/**
 * 403 `out_of_scope` for another town's division, 400 for `badQuery`, 401 without a session.
 * `path` is the export's path, e.g. `/api/cases/export`.
 */
export async function expectExportRefusals(suite: ExportSuite, path: string, badQuery: string) {
  const response = await suite.huaxinStaff.get(`${path}?divisionId=${suite.t.fixture.divisions.zhaoxiang.id}`);
  expect(response.statusCode).toBe(403);
  expect(response.json().error.code).toBe('out_of_scope');
  expect((await suite.huaxinStaff.get(`${path}?${badQuery}`)).statusCode).toBe(400);
  expect((await suite.t.anonymous().get(path)).statusCode).toBe(401);
}
