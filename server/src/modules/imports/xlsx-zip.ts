import fs from 'node:fs';
import zlib from 'node:zlib';

/**
 * The zip side of reading an uploaded .xlsx: the central directory, and one entry at a time
 * inflated as a stream, decoded as a stream, under limits that hold *while* inflating.
 *
 * Why our own reader rather than exceljs' WorkbookReader (unzipper + saxes): that reader decodes
 * every inflated chunk on its own (`TextDecoder.decode(chunk)` without `stream: true`), so a
 * Chinese character split across two chunks became two U+FFFD, silently (issue 13). It also
 * reads worksheets in zip order rather than workbook order, and has no size limits at all.
 */

/** Refused: a limit was crossed while reading. `key` is a locale key, `params` its values. */
export class XlsxLimitError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
  }
}

/** Limits on one read of one file (sizes are of inflated XML, in bytes). */
export interface XlsxLimits {
  /** All entries read together, inflated. */
  inflatedBytes: number;
  /**
   * Inflated ÷ compressed bytes of one entry, checked as it inflates once past `ratioFreeBytes`
   * (Excel and exceljs files measure 9–12; a deflate bomb 1,000).
   */
  ratio: number;
  ratioFreeBytes: number;
  /** Characters of XML without a `<` (one text node or attribute): far more than any cell. */
  textRun: number;
  /** Characters of one cell's text (Excel itself holds at most 32,767). */
  cellChars: number;
  /** Characters of one row's text, all cells together. */
  rowChars: number;
  /** `<row>` elements of the sheet read (header included). */
  rows: number;
}

export const defaultXlsxLimits: XlsxLimits = {
  inflatedBytes: 256 * 1024 * 1024,
  ratio: 100,
  ratioFreeBytes: 16 * 1024 * 1024,
  textRun: 256 * 1024,
  cellChars: 32_767,
  rowChars: 256 * 1024,
  rows: 200_001,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const localHeader = 0x04034b50;
const centralHeader = 0x02014b50;
const endOfCentralDirectory = 0x06054b50;

/** The entries of a zip by name, from its central directory; null when the file is not a zip. */
export async function readZipDirectory(handle: fs.promises.FileHandle): Promise<Map<string, ZipEntry> | null> {
  const { size } = await handle.stat();
  if (size < 22) return null;
  const head = Buffer.alloc(4);
  await handle.read(head, 0, 4, 0);
  if (head.readUInt32LE(0) !== localHeader) return null;
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
  const entries = new Map<string, ZipEntry>();
  let at = 0;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== centralHeader) return null;
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localOffset: directory.readUInt32LE(at + 42),
    };
    if (!entries.has(entry.name)) entries.set(entry.name, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An open upload: its path (for entry streams) and a handle (for the directory and headers). */
export interface ZipSource {
  path: string;
  handle: fs.promises.FileHandle;
}

/** What one read of a file has inflated so far, shared by every entry it opens. */
export interface InflateBudget {
  limits: XlsxLimits;
  used: number;
}

/**
 * One entry's text, inflated and decoded as a stream: the decoder keeps a character split across
 * two chunks until its last byte arrives. Stops with XlsxLimitError as soon as the budget or the
 * entry's ratio is crossed (a 1 MB file that would inflate to 1 GB stops after 16 MB, not at 1 GB),
 * and when a run of text without `<` grows past `textRun` (a 200 MB cell stops at 256 K).
 * Sizes the directory declares are checked first, though they may lie.
 */
export async function* entryText(
  { path, handle }: ZipSource,
  entry: ZipEntry,
  budget: InflateBudget,
  chunkSize = 64 * 1024,
): AsyncGenerator<string> {
  const { limits } = budget;
  if (entry.method !== 0 && entry.method !== 8) throw new XlsxLimitError('imports.unreadable');
  const allowed = Math.min(limits.inflatedBytes - budget.used, Math.max(limits.ratioFreeBytes, entry.compressedSize * limits.ratio));
  if (entry.uncompressedSize > allowed) throw inflatedTooLarge(limits);
  if (entry.compressedSize === 0) return;
  const header = Buffer.alloc(30);
  await handle.read(header, 0, 30, entry.localOffset);
  if (header.readUInt32LE(0) !== localHeader) throw new XlsxLimitError('imports.unreadable');
  const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  // A stream of its own (a FileHandle's stream closes the handle when destroyed).
  const source = fs.createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: chunkSize });
  const inflate = entry.method === 8 ? zlib.createInflateRaw({ chunkSize: Math.max(64, chunkSize) }) : null;
  const bytes = inflate ? source.pipe(inflate) : source;
  const decoder = new TextDecoder('utf-8');
  // Compressed bytes handed to zlib so far: a bomb shows its ratio within the first megabytes.
  let consumed = 0;
  source.on('data', (bytes: Buffer | string) => {
    consumed += bytes.length;
  });
  let inflated = 0;
  let run = 0;
  try {
    for await (const chunk of bytes as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      budget.used += chunk.length;
      if (inflated > allowed || (inflated > limits.ratioFreeBytes && inflated > consumed * limits.ratio)) throw inflatedTooLarge(limits);
      const text = decoder.decode(chunk, { stream: true });
      const lastTag = text.lastIndexOf('<');
      run = lastTag < 0 ? run + text.length : text.length - lastTag;
      if (run > limits.textRun) throw new XlsxLimitError('importLimits.text_too_large', { maximum: limits.cellChars });
      yield text;
    }
  } catch (error) {
    if (error instanceof XlsxLimitError) throw error;
    throw new XlsxLimitError('imports.unreadable');
  } finally {
    source.destroy();
    inflate?.destroy();
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

function inflatedTooLarge(limits: XlsxLimits): XlsxLimitError {
  return new XlsxLimitError('importLimits.inflated_too_large', { maximum: Math.round(limits.inflatedBytes / 1024 / 1024) });
}

/** A whole (small) entry as text, under the same budget: workbook, relationships, styles. */
export async function entryString(source: ZipSource, entry: ZipEntry, budget: InflateBudget): Promise<string> {
  let text = '';
  for await (const part of entryText(source, entry, budget)) text += part;
  return text;
}
