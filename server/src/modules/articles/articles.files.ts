import zlib from 'node:zlib';
import { decodeEntities } from '@tongxin/core/articles/index';

/** What an uploaded file became: its text and how to read it. */
export interface DecodedFile {
  text: string;
  format: 'text' | 'html' | 'docx';
}

/** File types an article may be uploaded as. */
export const articleFileTypes = ['.txt', '.text', '.html', '.htm', '.docx'] as const;

export function extensionOf(fileName: string): string {
  const match = /\.[^./\\]+$/.exec(fileName.toLowerCase());
  return match ? match[0] : '';
}

/**
 * Bytes of a text file as a string. Chinese text files are UTF-8, UTF-16 (with a BOM) or, from
 * older Windows tools, GB18030/GBK: UTF-8 is tried strictly first, then the declared charset of an
 * HTML page, then GB18030.
 *
 * @example decodeText(Buffer.from('统战', 'utf8')) // '统战'
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    const head = bytes.subarray(0, 2048).toString('latin1');
    const declared = /charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
    const label = declared && declared !== 'utf-8' && declared !== 'utf8' ? declared : 'gb18030';
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      return new TextDecoder('gb18030').decode(bytes);
    }
  }
}

/**
 * One file of a zip archive (a .docx is one), inflated; null when absent or unreadable. Reads the
 * central directory, so data descriptors and archive comments are no trouble.
 *
 * @example zipEntry(docxBytes, 'word/document.xml')?.toString('utf8')
 */
export function zipEntry(zip: Buffer, name: string): Buffer | null {
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count && offset + 46 <= zip.length; i++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) return null;
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const entryName = zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    offset += 46 + nameLength + extraLength + commentLength;
    if (entryName !== name) continue;
    if (localOffset + 30 > zip.length || zip.readUInt32LE(localOffset) !== 0x04034b50) return null;
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    try {
      if (method === 0) return Buffer.from(data);
      if (method === 8) return zlib.inflateRawSync(data, { maxOutputLength: 64 * 1024 * 1024 });
    } catch {
      return null;
    }
    return null;
  }
  return null;
}

/**
 * The text of a Word document's body: one line per paragraph, tabs and line breaks kept.
 *
 * @example docxText(bytes) // '奮力譜寫…\n\n2022年07月27日…'
 */
export function docxText(bytes: Buffer): string | null {
  const xml = zipEntry(bytes, 'word/document.xml')?.toString('utf8');
  if (xml === undefined) return null;
  // Runs of text (<w:t>), tabs and breaks in document order; deleted text (<w:delText>) is not read.
  const run = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:(?:br|cr)(?:\s[^>]*)?\/>/g;
  const paragraphs = xml.split(/<\/w:p>/).map((paragraph) =>
    [...paragraph.matchAll(run)].map(([whole, text]) => (text !== undefined ? decodeEntities(text) : whole.startsWith('<w:tab') ? '\t' : '\n')).join(''),
  );
  return paragraphs.map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph.length > 0).join('\n\n');
}

/**
 * An uploaded article file to text, by extension; null for a type we do not read or a file that
 * gives no text.
 *
 * @example decodeArticleFile('報道.html', bytes) // { text: '<html>…', format: 'html' }
 */
export function decodeArticleFile(fileName: string, bytes: Buffer): DecodedFile | null {
  const extension = extensionOf(fileName);
  if (extension === '.docx') {
    const text = docxText(bytes);
    return text ? { text, format: 'docx' } : null;
  }
  if (extension === '.html' || extension === '.htm') return { text: decodeText(bytes), format: 'html' };
  if (extension === '.txt' || extension === '.text') return { text: decodeText(bytes), format: 'text' };
  return null;
}
