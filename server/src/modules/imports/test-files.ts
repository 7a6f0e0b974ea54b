import type { ImportJobDetail } from '@tongxin/core';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { TestClient } from '../../test/harness.ts';

/**
 * Test helpers: a real .xlsx built with exceljs (as Excel would save it) and a multipart upload.
 *
 * @example
 * const file = await xlsx([['上级区划', '名称', '层级'], ['华新镇', '新村', '村居']]);
 */
export async function xlsx(rows: Array<Array<string | number | null>>, sheetName = 'Sheet1'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function multipart(file: Buffer, fileName: string, contentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') {
  const boundary = `----tongxin${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, file, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function upload(client: TestClient, entity: string, file: Buffer, fileName = '导入.xlsx'): Promise<LightMyRequestResponse> {
  const body = multipart(file, fileName);
  return client.request({ method: 'POST', url: `/api/imports/${entity}`, payload: body.payload, headers: { 'content-type': body.contentType } });
}

/** Poll a job until its background parse has finished; returns the job detail. */
export async function settled(client: TestClient, jobId: number, query = ''): Promise<ImportJobDetail> {
  // Large files on a busy machine take a while; a deadline rather than a count of attempts.
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const response = await client.get(`/api/imports/jobs/${jobId}${query}`);
    const body = response.json() as ImportJobDetail;
    if (response.statusCode !== 200) throw new Error(`job ${jobId}: ${response.statusCode} ${response.body}`);
    if (body.status !== 'parsing') return body;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`job ${jobId} still parsing`);
}
