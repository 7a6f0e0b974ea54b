import fs from 'node:fs';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';

/** What a quick look at the zip's central directory tells about an uploaded file. */
export interface XlsxInspection {
  /** Data rows estimated from `<row>` tags of the first worksheet, header excluded; null if unknown. */
  rowEstimate: number | null;
}

const localHeader = 0x04034b50;
const centralHeader = 0x02014b50;
const endOfCentralDirectory = 0x06054b50;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/**
 * Check by content that a file is an .xlsx (a zip that starts `PK` and holds `xl/workbook.xml`
 * and a worksheet) and count its rows, without unpacking it into memory: only the central
 * directory is read, and the first worksheet is inflated as a stream and scanned for `<row`.
 * Returns null when the file is not an xlsx.
 *
 * @example
 * const info = await inspectXlsx('/tmp/upload.xlsx'); // { rowEstimate: 100000 } or null
 */
export async function inspectXlsx(file: string): Promise<XlsxInspection | null> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size < 22) return null;
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    if (head.readUInt32LE(0) !== localHeader) return null;
    const entries = await readCentralDirectory(handle, size);
    if (!entries || !entries.some((entry) => entry.name === 'xl/workbook.xml')) return null;
    const sheets = entries.filter((entry) => /^xl\/worksheets\/sheet\d+\.xml$/.test(entry.name));
    if (sheets.length === 0) return null;
    const first = sheets.find((entry) => entry.name === 'xl/worksheets/sheet1.xml') ?? sheets[0]!;
    const rows = await countRowTags(handle, first);
    return { rowEstimate: rows === null ? null : Math.max(0, rows - 1) };
  } finally {
    await handle.close();
  }
}

async function readCentralDirectory(handle: fs.promises.FileHandle, size: number): Promise<ZipEntry[] | null> {
  // The end record is in the last 22 bytes plus a comment of at most 65,535 bytes.
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = Buffer.alloc(tailLength);
  await handle.read(tail, 0, tailLength, size - tailLength);
  let end = -1;
  for (let i = tailLength - 22; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === endOfCentralDirectory) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (directoryOffset + directorySize > size) return null;
  const directory = Buffer.alloc(directorySize);
  await handle.read(directory, 0, directorySize, directoryOffset);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== centralHeader) return null;
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    entries.push({
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      localOffset: directory.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Count `<row` start tags in one entry, inflating it in chunks (a 100,000-row sheet ≈ 20 MB of XML). */
async function countRowTags(handle: fs.promises.FileHandle, entry: ZipEntry): Promise<number | null> {
  if (entry.method !== 0 && entry.method !== 8) return null;
  if (entry.compressedSize === 0) return 0;
  const header = Buffer.alloc(30);
  await handle.read(header, 0, 30, entry.localOffset);
  if (header.readUInt32LE(0) !== localHeader) return null;
  const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const source = handle.createReadStream({ start, end: start + entry.compressedSize - 1, autoClose: false });
  const inflated = entry.method === 8 ? source.pipe(zlib.createInflateRaw()) : source;
  const pattern = /<(?:\w+:)?row[\s>]/g;
  let count = 0;
  let carry = '';
  try {
    for await (const chunk of inflated as AsyncIterable<Buffer>) {
      // latin1 keeps one char per byte, so a tag split across chunks is joined by the carry-over.
      const text = carry + chunk.toString('latin1');
      count += text.match(pattern)?.length ?? 0;
      carry = text.slice(-8).replace(/^[^<]*/, '');
      if (pattern.test(carry)) count -= 1;
      pattern.lastIndex = 0;
    }
  } catch {
    return null;
  }
  return count;
}

/** A cell as the definitions see it: trimmed text, or absent. */
export function cellText(value: ExcelJS.CellValue | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('').trim() || undefined;
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result);
  if ('text' in value) return cellText((value as { text: ExcelJS.CellValue }).text);
  if ('error' in value) return String(value.error);
  return undefined;
}

/** Header text compared loosely: no spaces (full-width too), no required-marker asterisks. */
export function normaliseHeader(text: string): string {
  return text.replace(/[\s\u3000*＊]/g, '');
}

export interface SheetRow {
  /** The row number Excel shows (1-based, blank rows counted). */
  number: number;
  /** Cell texts by 1-based column index. */
  cells: Array<string | undefined>;
}

/**
 * The rows of the first worksheet, streamed: exceljs' WorkbookReader keeps only the current rows
 * (and the shared-string table) in memory. Rows with no text at all are skipped.
 *
 * @example
 * for await (const row of readSheetRows('/tmp/upload.xlsx')) console.log(row.number, row.cells[1]);
 */
export async function* readSheetRows(file: string): AsyncGenerator<SheetRow> {
  // Styles are needed to tell a date cell from a number; hyperlinks and other entries are not.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let sheetsSeen = 0;
  for await (const worksheet of reader) {
    sheetsSeen += 1;
    // Later sheets (the template's note sheet) are left unread: the reader drains them.
    if (sheetsSeen > 1) continue;
    for await (const row of worksheet) {
      const values = row.values as Array<ExcelJS.CellValue | undefined>;
      const cells: Array<string | undefined> = [];
      let any = false;
      for (let column = 1; column < values.length; column += 1) {
        const text = cellText(values[column]);
        cells[column] = text;
        if (text !== undefined) any = true;
      }
      if (any) yield { number: row.number, cells };
    }
  }
}
