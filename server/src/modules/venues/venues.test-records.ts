import ExcelJS from 'exceljs';
import type { TestApp } from '../../test/harness.ts';
import { fixturePassword } from '../../test/fixture.ts';
import { hashPassword } from '../auth/password.ts';
import { insertUser } from '../users/users.repo.ts';
import { insertBrands } from '../brands/brands.repo.ts';

/**
 * Records the venue, brand and resource tests link to, written straight into the tables (the
 * organisations and people modules have their own tests): organisations and a person in 华新镇,
 * an archived organisation, an organisation in 赵巷镇, a brand of 华新镇, and a signed-in
 * reviewer of 青浦区 (reads, never writes).
 *
 * @example
 * const records = await registryRecords(t);
 * await huaxinStaff.post('/api/venues', { ..., ownerOrganisationId: records.huaxinChamber });
 */
export async function registryRecords(t: TestApp) {
  const db = t.handle.db;
  const at = '2026-11-01T00:00:00.000Z';
  const { huaxin, zhaoxiang, jinshan } = t.fixture.divisions;
  const organisation = async (divisionId: number, name: string, archivedAt: string | null = null) =>
    (
      await db
        .insertInto('organisations')
        .values({ division_id: divisionId, name, type: 'chamber', created_at: at, updated_at: at, archived_at: archivedAt, contact_phone: '13800001111' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const huaxinChamber = await organisation(huaxin.id, '华新镇商会');
  const huaxinArchivedOrg = await organisation(huaxin.id, '华新镇旧协会', at);
  const zhaoxiangOrg = await organisation(zhaoxiang.id, '赵巷镇商会');
  const jinshanOrg = await organisation(jinshan.id, '金山区新联会');
  const person = async (divisionId: number, name: string) =>
    (
      await db
        .insertInto('people')
        .values({ division_id: divisionId, name, phone: '13911112222', created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const huaxinPerson = await person(huaxin.id, '王律师');
  const zhaoxiangPerson = await person(zhaoxiang.id, '李医生');
  const [huaxinBrand] = await insertBrands(db, [{ divisionId: huaxin.id, name: '同心华新', field: null, description: null }], at);
  const passwordHash = await hashPassword(fixturePassword);
  await insertUser(db, { username: 'qingpu.reviewer', displayName: '评审', passwordHash, divisionId: t.fixture.divisions.qingpu.id, roles: ['reviewer', 'handler'], phone: null, at });
  const reviewer = await t.signIn('qingpu.reviewer');
  return { huaxinChamber, huaxinArchivedOrg, zhaoxiangOrg, jinshanOrg, huaxinPerson, zhaoxiangPerson, huaxinBrand: huaxinBrand!, reviewer };
}

/**
 * The first sheet of an exported .xlsx as rows of cell values (header row first).
 *
 * @example
 * const [header, ...rows] = await sheetRows(response.rawPayload);
 */
export async function sheetRows(payload: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
