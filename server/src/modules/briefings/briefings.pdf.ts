import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { AppError } from '../../kernel/errors.ts';
import type { BriefingDocument } from './briefings.document.ts';
import { paragraphsOf } from './briefings.docx.ts';

/** A font file and, for a collection (.ttc), the PostScript name of the face to use. */
export interface PdfFont {
  path: string;
  face?: string;
}

/**
 * CJK fonts Debian installs (fonts-wqy-zenhei is what `.ci/run` installs), tried in order when the
 * `PDF_FONT` setting names none. pdfkit embeds only the glyphs used, so the PDF stays small.
 */
const systemFonts: PdfFont[] = [
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/arphic/uming.ttc', face: 'AR PL UMing CN' },
];

/**
 * The font a PDF is set in: the configured one (`PDF_FONT=/path/font.ttf` or `/path/fonts.ttc#Face`),
 * else the first system CJK font present. A configured font that is missing is not replaced silently.
 * Without any: 503 `pdf_font_missing` (the office asks its administrator; .docx still works).
 *
 * @example
 * resolvePdfFont(undefined) // { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' }
 */
export function resolvePdfFont(configured: string | undefined): PdfFont {
  if (configured) {
    const [path, face] = configured.split('#');
    if (path && fs.existsSync(path)) return face ? { path, face } : { path };
    throw new AppError('pdf_font_missing');
  }
  const found = systemFonts.find((font) => fs.existsSync(font.path));
  if (!found) throw new AppError('pdf_font_missing');
  return found;
}

/**
 * The briefing as an A4 PDF with the CJK font embedded (subset). A font file pdfkit cannot read is
 * answered as a missing font, not a crash.
 */
export async function renderPdf(doc: BriefingDocument, font: PdfFont): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margins: { top: 72, bottom: 72, left: 80, right: 80 }, info: { Title: doc.title, Creator: 'Tongxin' } });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  try {
    pdf.registerFont('cjk', font.path, font.face);
    pdf.font('cjk');
  } catch {
    pdf.end();
    throw new AppError('pdf_font_missing');
  }
  pdf.fontSize(18).text(doc.title, { align: 'center' });
  pdf.moveDown(0.5).fontSize(10.5).fillColor('#555555').text(doc.subtitle, { align: 'center' }).fillColor('#000000');
  pdf.moveDown(1);
  for (const section of doc.sections) {
    pdf.moveDown(0.6).fontSize(14).text(section.heading);
    pdf.moveDown(0.3).fontSize(12);
    for (const line of paragraphsOf(section.text)) pdf.text(line, { indent: 24, lineGap: 6, paragraphGap: 4 });
  }
  pdf.moveDown(2).fontSize(9).fillColor('#777777').text(doc.footer, { align: 'right' });
  pdf.end();
  await ended;
  return Buffer.concat(chunks);
}
