import fs from 'node:fs';
import { SaxesParser } from 'saxes';
import {
  defaultXlsxLimits,
  entryString,
  entryText,
  readZipDirectory,
  XlsxLimitError,
  type InflateBudget,
  type XlsxLimits,
  type ZipEntry,
  type ZipSource,
} from './xlsx-zip.ts';

export { XlsxLimitError, defaultXlsxLimits, type XlsxLimits } from './xlsx-zip.ts';

/** What a quick pass over an uploaded file tells. */
export interface XlsxInspection {
  /** Data rows estimated from `<row>` tags of the sheet that will be read, header excluded. */
  rowEstimate: number;
}

export interface ReadOptions {
  limits?: XlsxLimits;
  /** Bytes per read and per inflated chunk (tests make it tiny to split every character). */
  chunkSize?: number;
}

/**
 * Check by content that a file is an .xlsx (a zip starting `PK` holding `xl/workbook.xml` and the
 * worksheet the workbook names first) and count that worksheet's rows in one streamed pass, under
 * the limits: throws XlsxLimitError for a file that inflates too far, holds a giant text or has
 * too many rows. Returns null when the file is not an xlsx.
 *
 * @example
 * const info = await inspectXlsx('/tmp/upload.xlsx'); // { rowEstimate: 100000 } or null
 */
export async function inspectXlsx(file: string, options: ReadOptions = {}): Promise<XlsxInspection | null> {
  const limits = options.limits ?? defaultXlsxLimits;
  const handle = await fs.promises.open(file, 'r');
  try {
    const opened = await openWorkbook({ path: file, handle }, { limits, used: 0 });
    if (!opened) return null;
    let rows = 0;
    let carry = '';
    let from = 0;
    for await (const chunk of entryText(opened.source, opened.sheet, opened.budget, options.chunkSize)) {
      // Positions from `end` on are looked at next time, with 13 characters before them kept for
      // the look-behind of a prefixed tag (`<x:row`).
      const text = carry + chunk;
      const end = text.length - 3;
      for (let at = text.indexOf('row', from); at >= 0 && at < end; at = text.indexOf('row', at + 3)) {
        if (isRowTag(text, at)) rows += 1;
      }
      const keep = Math.max(0, end - 13);
      carry = text.slice(keep);
      from = Math.max(0, end) - keep;
      if (rows > limits.rows) throw tooManyRows(limits);
    }
    return { rowEstimate: Math.max(0, rows - 1) };
  } finally {
    await handle.close();
  }
}

/** `row` at `at` is the name of a start tag: `<row ` / `<x:row>` (not `</row>`, `<rows`, text). */
function isRowTag(text: string, at: number): boolean {
  if (at < 1) return false;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at + 3);
  const opens = before === 60 /* < */ || (before === 58 /* : */ && /<\w+:$/.test(text.slice(Math.max(0, at - 12), at)));
  return opens && (after === 32 || after === 62 || after === 47 || after === 9 || after === 10 || after === 13);
}

function tooManyRows(limits: XlsxLimits): XlsxLimitError {
  return new XlsxLimitError('imports.too_many_rows', { maximum: limits.rows - 1 });
}

interface OpenedWorkbook {
  source: ZipSource;
  entries: Map<string, ZipEntry>;
  budget: InflateBudget;
  sheet: ZipEntry;
  date1904: boolean;
}

/**
 * The worksheet to read is the first one *in the workbook* (the first tab), found through
 * workbook.xml and its relationships — not the first one stored in the zip, which a crafted file
 * can order as it likes.
 */
async function openWorkbook(source: ZipSource, budget: InflateBudget): Promise<OpenedWorkbook | null> {
  const entries = await readZipDirectory(source.handle);
  const workbookEntry = entries?.get('xl/workbook.xml');
  if (!entries || !workbookEntry) return null;
  const workbook = await entryString(source, workbookEntry, budget);
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbook);
  const firstSheet = /<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"/.exec(workbook) ?? /<(?:\w+:)?sheet\b[^>]*?\b\w+:id="([^"]+)"/.exec(workbook);
  let sheet: ZipEntry | undefined;
  const relsEntry = entries.get('xl/_rels/workbook.xml.rels');
  if (firstSheet && relsEntry) {
    const rels = await entryString(source, relsEntry, budget);
    for (const match of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      const id = /\bId="([^"]+)"/.exec(match[0])?.[1];
      const target = /\bTarget="([^"]+)"/.exec(match[0])?.[1];
      if (id === firstSheet[1] && target) sheet = entries.get(target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
    }
  }
  // Without usable relationships, the lowest-numbered worksheet (Excel's own naming).
  sheet ??= [...entries.values()]
    .filter((entry) => /^xl\/worksheets\/sheet\d+\.xml$/.test(entry.name))
    .sort((a, b) => Number(/\d+/.exec(a.name.slice(14))![0]) - Number(/\d+/.exec(b.name.slice(14))![0]))[0];
  if (!sheet) return null;
  return { source, entries, budget, sheet, date1904 };
}

/** Element name without its namespace prefix (`x:row` → `row`). */
function local(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Run a SAX parser over an entry's text; `onEvents` is called after each chunk so the caller can
 * hand out what the chunk completed. Entities are decoded by the parser.
 */
async function* saxChunks<T>(
  text: AsyncIterable<string>,
  handlers: (parser: SaxesParser) => () => T[],
): AsyncGenerator<T[]> {
  const parser = new SaxesParser();
  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure ??= error;
  });
  const take = handlers(parser);
  const unreadable = () => new XlsxLimitError('imports.unreadable');
  for await (const chunk of text) {
    parser.write(chunk);
    if (failure) throw unreadable();
    const done = take();
    if (done.length > 0) yield done;
  }
  parser.close();
  if (failure) throw unreadable();
  const done = take();
  if (done.length > 0) yield done;
}

/** The shared-string table: every `<si>`'s text (runs joined, phonetic guides left out). */
async function readSharedStrings(source: ZipSource, entry: ZipEntry | undefined, budget: InflateBudget, chunkSize?: number): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  const { limits } = budget;
  let text: string | null = null;
  let inPhonetic = false;
  let capture = false;
  const chunks = saxChunks(entryText(source, entry, budget, chunkSize), (parser) => {
    parser.on('opentag', (tag) => {
      const name = local(tag.name);
      if (name === 'si') text = '';
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && !inPhonetic && text !== null) capture = true;
    });
    const onText = (value: string) => {
      if (!capture || text === null) return;
      if (text.length + value.length > limits.cellChars) throw new XlsxLimitError('importLimits.text_too_large', { maximum: limits.cellChars });
      text += value;
    };
    parser.on('text', onText);
    parser.on('cdata', onText);
    parser.on('closetag', (tag) => {
      const name = local(tag.name);
      if (name === 't') capture = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') {
        strings.push(text ?? '');
        text = null;
      }
    });
    return () => [];
  });
  for await (const _ of chunks) {
    // The table is built by the handlers; nothing to hand out per chunk.
  }
  return strings;
}

/** Built-in number formats that are dates (including the CJK ones, 27–36 and 50–58). */
const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Indexes of the cell formats (`s` of a cell) that show a date. */
async function readDateStyles(source: ZipSource, entry: ZipEntry | undefined, budget: InflateBudget): Promise<Set<number>> {
  const dates = new Set<number>();
  if (!entry) return dates;
  const xml = await entryString(source, entry, budget);
  const custom = new Map<number, string>();
  for (const match of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const id = /\bnumFmtId="(\d+)"/.exec(match[0])?.[1];
    const code = /\bformatCode="([^"]*)"/.exec(match[0])?.[1];
    if (id !== undefined && code !== undefined) custom.set(Number(id), code);
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[\s\S]*?<\/(?:\w+:)?cellXfs>/.exec(xml)?.[0] ?? '';
  let index = 0;
  for (const match of cellXfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const id = Number(/\bnumFmtId="(\d+)"/.exec(match[0])?.[1] ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : builtInDateFormats.has(id)) dates.add(index);
    index += 1;
  }
  return dates;
}

/** A format code shows a date when, outside quotes and brackets, it has a date or time letter. */
function isDateFormat(code: string): boolean {
  return /[ymdhsb]/i.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, ''));
}

function dateText(serial: number, date1904: boolean): string | undefined {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  if (Number.isNaN(date.getTime())) return undefined;
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** `AB12` → 28; null when the reference has no column letters. */
function columnOf(ref: string): number | null {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i += 1) {
    const code = ref.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return i === 0 ? null : column;
}

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Header text compared loosely: no spaces (full-width too), no required-marker asterisks. */
export function normaliseHeader(text: string): string {
  return text.replace(/[\s\u3000*＊]/g, '');
}

export interface SheetRow {
  /** The row number Excel shows (1-based, blank rows counted). */
  number: number;
  /** Cell texts by 1-based column index: trimmed, dates `YYYY-MM-DD`, booleans 是/否. */
  cells: Array<string | undefined>;
}

/** Excel's widest sheet (XFD). */
const maxColumn = 16_384;

/**
 * The rows of the first worksheet (in workbook order), streamed: only the shared-string table and
 * the current chunk's rows are held. Rows with no text at all are skipped. Throws XlsxLimitError
 * (with the row and column) as soon as a cell, a row or the row count passes its limit.
 *
 * @example
 * for await (const row of readSheetRows('/tmp/upload.xlsx')) console.log(row.number, row.cells[1]);
 */
export async function* readSheetRows(file: string, options: ReadOptions = {}): AsyncGenerator<SheetRow> {
  const limits = options.limits ?? defaultXlsxLimits;
  const handle = await fs.promises.open(file, 'r');
  try {
    const opened = await openWorkbook({ path: file, handle }, { limits, used: 0 });
    if (!opened) throw new XlsxLimitError('imports.not_xlsx');
    const { entries, budget, date1904 } = opened;
    const dateStyles = await readDateStyles(opened.source, entries.get('xl/styles.xml'), budget);
    const shared = await readSharedStrings(opened.source, entries.get('xl/sharedStrings.xml'), budget, options.chunkSize);

    let rowCount = 0;
    let row: (SheetRow & { chars: number; any: boolean; lastColumn: number }) | null = null;
    let lastRow = 0;
    let cell: { column: number; type: string; style: number; text: string } | null = null;
    let capture = false;
    let inPhonetic = false;
    const finished: SheetRow[] = [];

    const valueOf = (type: string, style: number, raw: string): string | undefined => {
      switch (type) {
        case 's': {
          const text = shared[Number.parseInt(raw, 10)];
          return text === undefined ? undefined : text.trim() || undefined;
        }
        case 'inlineStr':
        case 'str':
          return raw.trim() || undefined;
        case 'b':
          return raw.trim() === '' ? undefined : raw.trim() === '0' ? '否' : '是';
        case 'e':
          return raw.trim() || undefined;
        case 'd':
          return raw.trim() ? dateText(Date.parse(raw.trim()) / 86_400_000 + 25569, false) : undefined;
        default: {
          if (raw.trim() === '') return undefined;
          const number = Number.parseFloat(raw);
          if (!Number.isFinite(number)) return undefined;
          return dateStyles.has(style) ? dateText(number, date1904) : String(number);
        }
      }
    };

    const chunks = saxChunks(entryText(opened.source, opened.sheet, budget, options.chunkSize), (parser) => {
      parser.on('opentag', (tag) => {
        const name = local(tag.name);
        const attributes = tag.attributes as Record<string, string>;
        if (name === 'row') {
          rowCount += 1;
          if (rowCount > limits.rows) throw tooManyRows(limits);
          const number = attributes.r ? Number.parseInt(attributes.r, 10) : lastRow + 1;
          lastRow = Number.isFinite(number) ? number : lastRow + 1;
          row = { number: lastRow, cells: [], chars: 0, any: false, lastColumn: 0 };
        } else if (name === 'c' && row) {
          const column = (attributes.r ? columnOf(attributes.r) : null) ?? row.lastColumn + 1;
          if (column > maxColumn) throw new XlsxLimitError('importLimits.row_too_large', { row: row.number, maximum: limits.rowChars });
          row.lastColumn = column;
          cell = { column, type: attributes.t ?? 'n', style: attributes.s ? Number.parseInt(attributes.s, 10) : 0, text: '' };
        } else if (cell && (name === 'v' || (name === 't' && !inPhonetic))) {
          capture = true;
        } else if (name === 'rPh') {
          inPhonetic = true;
        }
      });
      const onText = (value: string) => {
        if (!capture || !cell || !row) return;
        if (cell.text.length + value.length > limits.cellChars) {
          throw new XlsxLimitError('importLimits.cell_too_large', { row: row.number, column: columnLetters(cell.column), maximum: limits.cellChars });
        }
        cell.text += value;
      };
      parser.on('text', onText);
      parser.on('cdata', onText);
      parser.on('closetag', (tag) => {
        const name = local(tag.name);
        if (name === 'v' || name === 't') capture = false;
        else if (name === 'rPh') inPhonetic = false;
        else if (name === 'c' && cell && row) {
          const text = valueOf(cell.type, cell.style, cell.text);
          if (text !== undefined) {
            if (cell.type === 's' && text.length > limits.cellChars) {
              throw new XlsxLimitError('importLimits.cell_too_large', { row: row.number, column: columnLetters(cell.column), maximum: limits.cellChars });
            }
            row.chars += text.length;
            if (row.chars > limits.rowChars) throw new XlsxLimitError('importLimits.row_too_large', { row: row.number, maximum: limits.rowChars });
            row.cells[cell.column] = text;
            row.any = true;
          }
          cell = null;
        } else if (name === 'row' && row) {
          if (row.any) finished.push({ number: row.number, cells: row.cells });
          row = null;
        }
      });
      return () => finished.splice(0, finished.length);
    });
    try {
      for await (const rows of chunks) yield* rows;
    } catch (error) {
      // A giant text run is caught before the parser sees it; name the row it sits in.
      if (error instanceof XlsxLimitError && error.key === 'importLimits.text_too_large') {
        throw new XlsxLimitError('importLimits.cell_too_large', { row: (row as SheetRow | null)?.number ?? lastRow + 1, column: cellColumn(cell), maximum: limits.cellChars });
      }
      throw error;
    }
  } finally {
    await handle.close();
  }
}

function cellColumn(cell: { column: number } | null): string {
  return cell ? columnLetters(cell.column) : '?';
}
