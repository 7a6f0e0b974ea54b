import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { BriefingDocument } from './briefings.document.ts';

/** Chinese documents set CJK text in 仿宋/宋体 and headings in 黑体 (the reader's Word substitutes when missing). */
const bodyFont = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
const headingFont = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体' };

/** A section's text as paragraphs: a blank line or a line break in the edited text starts a new one. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/**
 * The briefing as a .docx: title, subtitle (division, period, revision), then each section's
 * heading and paragraphs (first-line indent of two characters, as Chinese reports are set).
 *
 * @example
 * const bytes = await renderDocx(document) // Buffer of a Word file
 */
export async function renderDocx(doc: BriefingDocument): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: doc.title, bold: true, size: 36, font: headingFont })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      children: [new TextRun({ text: doc.subtitle, size: 22, font: bodyFont, color: '555555' })],
    }),
  ];
  for (const section of doc.sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        spacing: { before: 240, after: 120 },
        children: [new TextRun({ text: section.heading, bold: true, size: 28, font: headingFont, color: '000000' })],
      }),
    );
    for (const line of paragraphsOf(section.text)) {
      children.push(
        new Paragraph({
          indent: { firstLine: 640 },
          spacing: { line: 460 },
          children: [new TextRun({ text: line, size: 28, font: bodyFont })],
        }),
      );
    }
  }
  children.push(
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 480 },
      children: [new TextRun({ text: doc.footer, size: 20, font: bodyFont, color: '777777' })],
    }),
  );
  const file = new Document({ creator: 'Tongxin', title: doc.title, sections: [{ children }] });
  return Packer.toBuffer(file);
}
