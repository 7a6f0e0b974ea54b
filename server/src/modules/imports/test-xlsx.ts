import zlib from 'node:zlib';

/**
 * Test helpers: .xlsx files written byte by byte, so a test controls what exceljs would not let it
 * (entry order in the zip, inline or shared strings, declared sizes, deflate streams far larger
 * inflated than stored).
 */

export interface RawEntry {
  name: string;
  /** Deflated bytes as stored, and what the directory declares (may lie, as a bomb would). */
  deflated: Buffer;
  declaredSize: number;
  crc: number;
}

/** One entry from its text, deflated honestly. */
export function entry(name: string, text: string | Buffer): RawEntry {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return { name, deflated: zlib.deflateRawSync(bytes, { level: 1 }), declaredSize: bytes.length, crc: zlib.crc32(bytes) };
}

/**
 * A deflate stream of `prefix`, then `repeat` times `unit`, then `suffix`, built without ever
 * holding the inflated text: each piece is compressed on its own and ends on a full flush, so the
 * compressed unit can be repeated as bytes (1 MB of `<x/>` compresses to about 1 KB).
 */
export function repeatedEntry(name: string, prefix: string, unit: string, repeat: number, suffix: string, declaredSize?: number): RawEntry {
  const flush = { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH };
  const head = zlib.deflateRawSync(Buffer.from(prefix), flush);
  const middle = zlib.deflateRawSync(Buffer.from(unit), flush);
  const tail = zlib.deflateRawSync(Buffer.from(suffix));
  const parts = [head, ...Array.from({ length: repeat }, () => middle), tail];
  const size = Buffer.byteLength(prefix) + Buffer.byteLength(unit) * repeat + Buffer.byteLength(suffix);
  return { name, deflated: Buffer.concat(parts), declaredSize: declaredSize ?? Math.min(size, 0xffffffff), crc: 0 };
}

/** A zip of the entries, in the order given. */
export function zip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const item of entries) {
    const name = Buffer.from(item.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(item.crc >>> 0, 14);
    local.writeUInt32LE(item.deflated.length, 18);
    local.writeUInt32LE(item.declaredSize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(item.crc >>> 0, 16);
    central.writeUInt32LE(item.deflated.length, 20);
    central.writeUInt32LE(item.declaredSize >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, item.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + item.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The XML of a worksheet holding `rows` (text cells, inline or as shared-string indexes). */
export function sheetXml(rows: string[][], strings: 'inline' | Map<string, number>): string {
  const parts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  rows.forEach((cells, index) => {
    const r = index + 1;
    parts.push(`<row r="${r}">`);
    cells.forEach((text, c) => {
      const ref = `${columnLetters(c + 1)}${r}`;
      if (strings === 'inline') parts.push(`<c r="${ref}" t="inlineStr"><is><t>${escape(text)}</t></is></c>`);
      else parts.push(`<c r="${ref}" t="s"><v>${strings.get(text)}</v></c>`);
    });
    parts.push('</row>');
  });
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

export function sharedStringsXml(strings: Map<string, number>): string {
  const items = [...strings.keys()].map((text) => `<si><t>${escape(text)}</t></si>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.size}" uniqueCount="${strings.size}">${items}</sst>`;
}

/** The entries every workbook needs besides its sheets; `sheets` are the targets in tab order. */
export function workbookEntries(sheets: string[], withSharedStrings: boolean): RawEntry[] {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${main}" xmlns:r="${rel}"><sheets>${sheets
    .map((_, i) => `<sheet name="Sheet${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')}</sheets></workbook>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map((target, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="${target}"/>`)
    .join('')}${withSharedStrings ? `<Relationship Id="rIdS" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`;
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
    .map((target) => `<Override PartName="/xl/${target}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join('')}${withSharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`;
  const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  return [entry('[Content_Types].xml', types), entry('_rels/.rels', rootRels), entry('xl/workbook.xml', workbook), entry('xl/_rels/workbook.xml.rels', rels)];
}

/** A one-sheet workbook of text rows, with inline strings or a shared-string table. */
export function textWorkbook(rows: string[][], strings: 'inline' | 'shared'): { file: Buffer; sheet: Buffer } {
  if (strings === 'inline') {
    const sheet = Buffer.from(sheetXml(rows, 'inline'));
    return { file: zip([...workbookEntries(['worksheets/sheet1.xml'], false), entry('xl/worksheets/sheet1.xml', sheet)]), sheet };
  }
  const table = new Map<string, number>();
  for (const cells of rows) for (const text of cells) if (!table.has(text)) table.set(text, table.size);
  const sheet = Buffer.from(sheetXml(rows, table));
  const shared = Buffer.from(sharedStringsXml(table));
  return {
    file: zip([...workbookEntries(['worksheets/sheet1.xml'], true), entry('xl/sharedStrings.xml', shared), entry('xl/worksheets/sheet1.xml', sheet)]),
    sheet: shared,
  };
}

/**
 * A one-sheet workbook whose multi-byte text straddles every 16 KB edge of the inflated XML (the
 * size zlib hands out): each data row (inline) or shared string (shared) is padded to the same
 * byte length, a divisor of 16 KB, and the text before them is padded so that every edge falls on
 * the second byte of the first character of column `textColumn`'s text. Texts must start with a
 * 3-byte character and be of equal byte length. Row numbers are written fixed-width (`r="00002"`).
 */
export function straddlingWorkbook(rows: string[][], textColumn: number, strings: 'inline' | 'shared'): { file: Buffer; xml: Buffer } {
  const [header, ...data] = rows;
  const ref = (column: number, row: number) => `${columnLetters(column + 1)}${String(row).padStart(5, '0')}`;
  const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const bytes = (text: string) => Buffer.byteLength(text);
  /** Whitespace that moves what follows so an edge lands `offset` bytes into the next unit. */
  const lead = (before: string, unit: number, offset: number) => ' '.repeat((((-(bytes(before) + offset)) % unit) + unit) % unit);

  if (strings === 'inline') {
    const unit = 512;
    const cell = (text: string, column: number, row: number) => `<c r="${ref(column, row)}" t="inlineStr"><is><t>${escape(text)}</t></is></c>`;
    const rowXml = (cells: string[], row: number) => `<row r="${String(row).padStart(5, '0')}">${cells.map((text, c) => cell(text, c, row)).join('')}`;
    const prefix = `${decl}<worksheet xmlns="${main}"><sheetData>${rowXml(header!, 1)}</row>`;
    const offset = bytes(rowXml(data[0]!.slice(0, textColumn), 2)) + bytes(`<c r="${ref(textColumn, 2)}" t="inlineStr"><is><t>`) + 1;
    const body = data.map((cells, i) => {
      const xml = rowXml(cells, i + 2);
      if (bytes(xml) + 6 > unit) throw new Error(`row ${i + 2} is longer than ${unit} bytes`);
      return `${xml}${' '.repeat(unit - 6 - bytes(xml))}</row>`;
    });
    const xml = Buffer.from(`${prefix}${lead(prefix, unit, offset)}${body.join('')}</sheetData></worksheet>`);
    return { file: zip([...workbookEntries(['worksheets/sheet1.xml'], false), entry('xl/worksheets/sheet1.xml', xml)]), xml };
  }

  const unit = 256;
  const table = new Map<string, number>();
  for (const text of [...header!, ...data.flatMap((cells) => cells.filter((_, c) => c !== textColumn))]) if (!table.has(text)) table.set(text, table.size);
  const fixed = [...table.keys()].map((text) => `<si><t>${escape(text)}</t></si>`).join('');
  const prefix = `${decl}<sst xmlns="${main}" count="${table.size + data.length}" uniqueCount="${table.size + data.length}">${fixed}`;
  const items = data.map((cells) => {
    const text = cells[textColumn]!;
    table.set(text, table.size);
    const item = `<si><t>${escape(text)}</t>`;
    if (bytes(item) + 5 > unit) throw new Error(`"${text}" is longer than ${unit} bytes`);
    return `${item}${' '.repeat(unit - 5 - bytes(item))}</si>`;
  });
  const xml = Buffer.from(`${prefix}${lead(prefix, unit, '<si><t>'.length + 1)}${items.join('')}</sst>`);
  const sheet = sheetXml(rows, table);
  return {
    file: zip([...workbookEntries(['worksheets/sheet1.xml'], true), entry('xl/sharedStrings.xml', xml), entry('xl/worksheets/sheet1.xml', sheet)]),
    xml,
  };
}
