import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportTables } from '../../db/types-imports.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { settled, upload } from './test-files.ts';
import { straddlingWorkbook, textWorkbook } from './test-xlsx.ts';
import { readSheetRows } from './xlsx-file.ts';

/*
 * Issue 13, item 1: the streaming reader must hand over every character as written, however the
 * inflated XML is cut into chunks. exceljs' WorkbookReader decoded each chunk on its own, so a
 * character split across two chunks became U+FFFD; these files put thousands of 3- and 4-byte
 * characters across chunk edges.
 */

let t: TestApp;
let qingpuAdmin: TestClient;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-text-'));
beforeAll(async () => {
  t = await createTestApp();
  qingpuAdmin = await t.signIn('qingpu.admin');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const header = ['上级区划', '名称', '层级'];
const pool = '同心统战工作联络处华新镇商会组织村居委员会青浦区金山赵巷徐泾白鹤重固练塘朱家角繁體經濟發展協會';
const rowCount = 5_000;

/**
 * Unique names of equal byte length: 3-byte characters, a 4-byte one (𠀀, U+20000) and a 2-byte
 * one (é), then the row's index written in three characters of the pool; 39 code units.
 */
function names(variant: string): string[] {
  return Array.from({ length: rowCount }, (_, i) => {
    const chars = Array.from({ length: 32 }, (_, k) => pool[(i * 7 + k * 3) % pool.length]).join('');
    const index = [Math.floor(i / 1024), Math.floor(i / 32) % 32, i % 32].map((digit) => pool[digit]).join('');
    return `${variant === 'shared' ? '共享' : '内联'}${chars}𠀀é${index}`;
  });
}

/** Edges every 16 KB of inflated XML (as zlib hands them out), and how many fall inside a character. */
function edges(xml: Buffer): { edges: number; split: number } {
  let count = 0;
  let split = 0;
  for (let at = 16_384; at < xml.length; at += 16_384) {
    count += 1;
    if ((xml[at]! & 0xc0) === 0x80) split += 1;
  }
  return { edges: count, split };
}

async function stagedCells(jobId: number) {
  const rows = await t.handle.db
    .withTables<ImportTables>()
    .selectFrom('import_rows')
    .select(['row_number', 'data', 'errors'])
    .where('job_id', '=', jobId)
    .orderBy('row_number')
    .execute();
  return rows.map((row) => ({ row: row.row_number, cells: JSON.parse(row.data) as Record<string, string>, errors: row.errors }));
}

describe.each(['shared', 'inline'] as const)('%s strings: Chinese text survives the streaming reader', (variant) => {
  const source = names(variant);
  const { file, xml } = straddlingWorkbook([header, ...source.map((name) => ['华新镇', name, '村居'])], 1, variant);

  it(`every 16 KB edge of the ${variant === 'shared' ? 'shared-string table' : 'sheet'} falls inside a character`, () => {
    const found = edges(xml);
    expect(found.edges).toBeGreaterThan(40);
    expect(found.split).toBe(found.edges);
  });

  it(`202: all ${rowCount} rows are staged exactly as written, none with a problem`, async () => {
    const response = await upload(qingpuAdmin, 'division', file);
    expect(response.statusCode, response.body).toBe(202);
    const job = await settled(qingpuAdmin, response.json().id);
    expect(job.status).toBe('ready');
    expect(job.counts).toEqual({ ok: rowCount, error: 0, duplicate: 0 });
    const staged = await stagedCells(job.id);
    expect(staged.length).toBe(rowCount);
    expect(staged).toEqual(source.map((name, i) => ({ row: i + 2, cells: { parent: '华新镇', name, level: '村居' }, errors: null })));
  }, 120_000);

  it('the reader gives the same text in 128-byte chunks (thousands of characters cut)', async () => {
    const target = path.join(dir, `${variant}.xlsx`);
    fs.writeFileSync(target, file);
    const names: string[] = [];
    for await (const row of readSheetRows(target, { chunkSize: 128 })) if (row.number > 1) names.push(row.cells[2]!);
    expect(names).toEqual(source);
  });
});

describe('a row that still carries U+FFFD', () => {
  it('400 per row: refused with the row and column, the rest of the file checked as usual', async () => {
    const { file } = textWorkbook([header, ['华新镇', '好村', '村居'], ['华新镇', '坏\uFFFD村', '村居'], ['华\uFFFD镇', '又坏村', '村居']], 'shared');
    const response = await upload(qingpuAdmin, 'division', file);
    expect(response.statusCode, response.body).toBe(202);
    const job = await settled(qingpuAdmin, response.json().id, '?only=problems');
    expect(job.counts).toEqual({ ok: 1, error: 2, duplicate: 0 });
    expect(job.rows.items.map((row) => [row.rowNumber, row.problems])).toEqual([
      [3, [{ column: '名称', message: '含有无法识别的字符（�），请检查原文件中这一格的文字' }]],
      [4, [{ column: '上级区划', message: '含有无法识别的字符（�），请检查原文件中这一格的文字' }]],
    ]);
    const confirm = await qingpuAdmin.post(`/api/imports/jobs/${job.id}/confirm`, { duplicates: 'skip' });
    expect(confirm.statusCode).toBe(409);
  });
});
