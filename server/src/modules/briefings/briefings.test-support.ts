import JSZip from 'jszip';
import { hashPassword } from '../auth/password.ts';
import { insertUser } from '../users/users.repo.ts';
import { fixturePassword } from '../../test/fixture.ts';
import type { TestApp } from '../../test/harness.ts';

/** The text of a .docx as Word stores it (word/document.xml), tags removed so runs join up. */
export async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
}

/** The text of a PDF as a reader extracts it (pdfjs), lines joined without breaks. */
export async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await pdf.destroy();
  return pages.join('');
}

/** A user with only the handler role, in 华新镇 (case work; no briefing rights). */
export async function addHandler(t: TestApp): Promise<string> {
  await insertUser(t.handle.db, {
    username: 'huaxin.handler',
    displayName: '华新经办',
    passwordHash: await hashPassword(fixturePassword),
    divisionId: t.fixture.divisions.huaxin.id,
    roles: ['handler'],
    phone: null,
    at: '2026-11-01T00:00:00.000Z',
  });
  return 'huaxin.handler';
}
