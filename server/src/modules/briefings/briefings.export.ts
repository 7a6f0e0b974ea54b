import type { BriefingExportQuery } from '@tongxin/core/briefings/index';
import type { FastifyReply } from 'fastify';
import type { ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { attachmentDisposition } from '../imports/imports.template.ts';
import { briefingDocument } from './briefings.document.ts';
import { renderDocx } from './briefings.docx.ts';
import { renderPdf, resolvePdfFont } from './briefings.pdf.ts';
import { revisionForExport } from './briefings.service.ts';

const contentTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/**
 * One revision of a briefing as .docx or PDF. The file is rendered in full first, then the export
 * is audited, then sent: a failure (no CJK font → 503) is an ordinary error answer, and every file
 * that leaves is on record with its format and revision.
 *
 * @example
 * app.get('/api/briefings/:id/export', …, async (request, reply) => exportBriefing(reply, contextOf(request), id, request.query));
 */
export async function exportBriefing(reply: FastifyReply, ctx: ActorContext, id: number, query: BriefingExportQuery) {
  const { row, text } = await revisionForExport(ctx, id, query.revision);
  const document = briefingDocument({ title: text.title, divisionName: row.division_name, from: row.period_from, to: row.period_to, revision: text.revision, savedAt: text.at, sections: text.sections });
  const bytes = query.format === 'pdf' ? await renderPdf(document, resolvePdfFont(ctx.config.pdfFont)) : await renderDocx(document);
  await recordAudit(ctx.db, ctx, {
    action: 'briefing.export',
    entity: 'briefing',
    entityId: id,
    divisionId: row.division_id,
    detail: { format: query.format, revision: text.revision, bytes: bytes.length },
  });
  const fileName = `${text.title}（第${text.revision}稿）.${query.format}`;
  return reply
    .header('content-type', contentTypes[query.format])
    .header('content-disposition', attachmentDisposition(fileName, `briefing-${id}-r${text.revision}.${query.format}`))
    .header('cache-control', 'no-store')
    .send(bytes);
}
