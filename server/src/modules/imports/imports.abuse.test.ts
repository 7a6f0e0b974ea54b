import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJobDetail } from '@tongxin/core';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { settled, upload } from './test-files.ts';
import { entry, repeatedEntry, sheetXml, workbookEntries, zip, type RawEntry } from './test-xlsx.ts';

/*
 * Issue 13, item 2: nothing a signed-in user uploads may stall the server. Each bomb is uploaded
 * while another user's requests (/api/health and a list) are timed; every bomb must be refused and
 * the other user must not wait. The figures are printed (they are in docs/reliability.md).
 */

let t: TestApp;
let qingpuAdmin: TestClient;
let other: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  qingpuAdmin = await t.signIn('qingpu.admin');
  other = await t.signIn('jinshan.admin');
});
afterAll(async () => t.close());

const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const sheetStart = `${decl}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const sheetEnd = '</sheetData></worksheet>';
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const headerRow = `<row r="1">${inline('A1', '上级区划')}${inline('B1', '名称')}${inline('C1', '层级')}</row>`;
const MB = 1024 * 1024;

/** A workbook whose only sheet is `sheet`, with the usual parts around it. */
function workbook(sheet: RawEntry, extra: RawEntry[] = []): Buffer {
  return zip([...workbookEntries(['worksheets/sheet1.xml'], extra.length > 0), ...extra, sheet]);
}

interface Timed<T> {
  result: T;
  /** How long the upload took to be answered (and, for a background refusal, to be refused). */
  refusedMs: number;
  /** The other user's request times meanwhile. */
  others: number[];
  /** How many of them were answered before the upload was: a stalled server answers none. */
  servedMeanwhile: number;
}

/** Run `work` while the other user asks for /api/health and a list, one request after another. */
async function whileOthersWork<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const others: number[] = [];
  let done = false;
  const loop = (async () => {
    while (!done) {
      for (const url of ['/api/health', '/api/organisations?pageSize=20']) {
        const started = performance.now();
        const response = await other.get(url);
        others.push(performance.now() - started);
        if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const started = performance.now();
  try {
    const result = await work();
    return { result, refusedMs: performance.now() - started, others, servedMeanwhile: others.length };
  } finally {
    done = true;
    await loop;
  }
}

function report(name: string, file: Buffer, timed: Timed<unknown>) {
  const sorted = [...timed.others].sort((a, b) => a - b);
  const figure = (ms: number | undefined) => `${Math.round(ms ?? 0)} ms`;
  console.log(
    `[abuse] ${name}: file ${(file.length / 1024).toFixed(0)} KB, refused in ${figure(timed.refusedMs)}; ` +
      `other user ${sorted.length} requests, median ${figure(sorted[Math.floor(sorted.length / 2)])}, max ${figure(sorted[sorted.length - 1])}`,
  );
  expect(sorted.length).toBeGreaterThan(0);
  // Not a speed goal (the figures above go to docs/reliability.md): an order. A refusal that took a
  // while must not have held the server meanwhile — the old parser answered nobody for 13 s.
  if (timed.refusedMs >= 2_000) expect(timed.servedMeanwhile).toBeGreaterThanOrEqual(2);
}

/** Upload and expect a 400 on the file field; returns its message. */
async function refusedAtUpload(name: string, file: Buffer): Promise<string> {
  const timed = await whileOthersWork(() => upload(qingpuAdmin, 'division', file));
  report(name, file, timed);
  expect(timed.result.statusCode, timed.result.body).toBe(400);
  const fields = timed.result.json().error.fields as Array<{ path: string; message: string }>;
  expect(fields.length).toBe(1);
  expect(fields[0]!.path).toBe('body.file');
  return fields[0]!.message;
}

/** Upload (202), wait for the background check, and return the job as read afterwards. */
async function refusedWhileParsing(name: string, file: Buffer): Promise<{ job: ImportJobDetail; body: string }> {
  const timed = await whileOthersWork(async () => {
    const response = await upload(qingpuAdmin, 'division', file);
    expect(response.statusCode, response.body).toBe(202);
    return settled(qingpuAdmin, response.json().id);
  });
  report(name, file, timed);
  const read = await qingpuAdmin.get(`/api/imports/jobs/${timed.result.id}`);
  return { job: timed.result, body: read.body };
}

describe('bombs are refused while the other user is served', () => {
  it('400: one 200 MB cell in a 200 KB file (the directory lies about the size) stops at 256 K characters', async () => {
    const sheet = repeatedEntry('xl/worksheets/sheet1.xml', `${sheetStart}${headerRow}<row r="2">${inline('A2', '华新镇')}<c r="B2" t="inlineStr"><is><t>`, 'a'.repeat(MB), 200, `</t></is></c></row>${sheetEnd}`, 4096);
    const file = workbook(sheet);
    expect(file.length).toBeLessThan(400 * 1024);
    expect(await refusedAtUpload('200 MB cell, inline', file)).toBe('文件中有超过 32767 个字符的单元格（Excel 单元格的上限），文件未导入');
  });

  it('400: the same cell as a shared string', async () => {
    const strings = repeatedEntry('xl/sharedStrings.xml', `${decl}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>上级区划</t></si><si><t>名称</t></si><si><t>层级</t></si><si><t>`, '甲'.repeat(MB / 3), 200, `</t></si></sst>`, 4096);
    const sheet = entry('xl/worksheets/sheet1.xml', `${sheetStart}<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row><row r="2"><c r="B2" t="s"><v>3</v></c></row>${sheetEnd}`);
    const file = workbook(sheet, [strings]);
    expect(await refusedAtUpload('200 MB cell, shared string', file)).toBe('文件中有超过 32767 个字符的单元格（Excel 单元格的上限），文件未导入');
  });

  it('400: a 1 MB file that inflates to 1 GB, declared honestly — refused before inflating anything', async () => {
    const sheet = repeatedEntry('xl/worksheets/sheet1.xml', `${sheetStart}${headerRow}`, '<x/>'.repeat(MB / 4), 1024, sheetEnd);
    const file = workbook(sheet);
    expect(file.length).toBeLessThan(2 * MB);
    expect(await refusedAtUpload('deflate bomb 1 GB, honest size', file)).toBe('文件解压后过大（上限 256 MB，或压缩比异常），未导入。请删去多余的工作表或分成几个文件');
  });

  it('400: the same bomb declaring 4 KB — inflating stops once 16 MB came out of 16 KB', async () => {
    const sheet = repeatedEntry('xl/worksheets/sheet1.xml', `${sheetStart}${headerRow}`, '<x/>'.repeat(MB / 4), 1024, sheetEnd, 4096);
    const file = workbook(sheet);
    expect(await refusedAtUpload('deflate bomb 1 GB, lying size', file)).toBe('文件解压后过大（上限 256 MB，或压缩比异常），未导入。请删去多余的工作表或分成几个文件');
  });

  it('400: 200,001 data rows', async () => {
    const rows = repeatedEntry('xl/worksheets/sheet1.xml', `${sheetStart}${headerRow}`, `<row>${inline('', '华新镇').replace(' r=""', '')}</row>`, 200_001, sheetEnd);
    const file = workbook(rows);
    expect(await refusedAtUpload('200,001 rows', file)).toBe('文件行数过多，一次最多导入 200000 行');
  });

  it('400: the first tab holds 200,001 rows but is stored after a small second tab — the tab read is the tab counted', async () => {
    const big = repeatedEntry('xl/worksheets/sheet1.xml', `${sheetStart}${headerRow}`, `<row>${inline('', '华新镇').replace(' r=""', '')}</row>`, 200_001, sheetEnd);
    const small = entry('xl/worksheets/sheet2.xml', sheetXml([['上级区划', '名称', '层级'], ['华新镇', '小表村', '村居']], 'inline'));
    const file = zip([...workbookEntries(['worksheets/sheet1.xml', 'worksheets/sheet2.xml'], false), small, big]);
    expect(await refusedAtUpload('misordered sheets, big first tab', file)).toBe('文件行数过多，一次最多导入 200000 行');
  });

  it('202: a big second tab stored before the first tab is never read; only the first tab is imported', async () => {
    const big = repeatedEntry('xl/worksheets/sheet2.xml', `${sheetStart}${headerRow}`, `<row>${inline('', '华新镇').replace(' r=""', '')}</row>`, 200_001, sheetEnd);
    const small = entry('xl/worksheets/sheet1.xml', sheetXml([['上级区划', '名称', '层级'], ['华新镇', '首表村', '村居']], 'inline'));
    const file = zip([...workbookEntries(['worksheets/sheet1.xml', 'worksheets/sheet2.xml'], false), big, small]);
    const { job } = await refusedWhileParsing('misordered sheets, big second tab', file);
    expect(job).toMatchObject({ status: 'ready', rowsTotal: 1, counts: { ok: 1, error: 0, duplicate: 0 } });
    expect(job.rows.items.map((row) => row.cells)).toEqual([{ parent: '华新镇', name: '首表村', level: '村居' }]);
  });

  it('failed: a 40,000-character cell deep in the file refuses the file, naming row and column, never echoing the cell', async () => {
    const rows = [['上级区划', '名称', '层级'], ...Array.from({ length: 30 }, (_, i) => ['华新镇', `长文村${i}`, '村居'])];
    rows.push(['华新镇', '长'.repeat(40_000), '村居']);
    const file = workbook(entry('xl/worksheets/sheet1.xml', sheetXml(rows, 'inline')));
    const { job, body } = await refusedWhileParsing('40,000-character cell', file);
    expect(job.status).toBe('failed');
    expect(job.failure).toBe('第 32 行 B 列超过 32767 个字符（Excel 单元格的上限），文件未导入');
    expect(job.rows.total).toBe(0);
    expect(body).not.toContain('长长长');
    expect(body.length).toBeLessThan(4_000);
  });

  it('failed: a row of 10 cells of 30,000 characters each', async () => {
    const wide = Array.from({ length: 10 }, (_, i) => `${'宽'.repeat(30_000)}${i}`);
    const file = workbook(entry('xl/worksheets/sheet1.xml', sheetXml([['上级区划', '名称', '层级'], ['华新镇', '宽村', '村居'], ['华新镇', '又一村', '村居', ...wide]], 'inline')));
    const { job, body } = await refusedWhileParsing('row of 300,000 characters', file);
    expect(job.status).toBe('failed');
    expect(job.failure).toBe('第 3 行内容过多（超过 262144 个字符或 16384 列），文件未导入');
    expect(body).not.toContain('宽宽宽');
  });
});
