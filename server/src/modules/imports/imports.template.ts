import { translate, type Locale } from '@tongxin/core';
import ExcelJS from 'exceljs';
import type { AnyImportDefinition } from './import-definition.ts';

/** Name of the explanation sheet; the importer reads only the first sheet, so this one is ignored. */
export const noteSheetName = '填写说明';

/**
 * The template of one list: a data sheet with the Chinese headers (required ones in red) and one
 * example row, and a note sheet explaining every column. Small, so built in memory.
 *
 * @example
 * const bytes = await buildTemplate(divisionImport, 'zh-CN'); // an .xlsx Buffer
 */
export async function buildTemplate(definition: AnyImportDefinition, locale: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '同心';
  const title = translate(locale, definition.label);
  const data = workbook.addWorksheet(safeSheetName(title), { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = definition.columns.map((column) => ({
    header: column.header,
    key: column.key,
    width: Math.max(12, Math.min(40, Math.max(column.header.length, column.example.length) * 2 + 4)),
  }));
  const header = data.getRow(1);
  header.font = { bold: true };
  definition.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.font = { bold: true, color: { argb: column.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.note = `${column.required ? '必填。' : '选填。'}${column.note}`;
  });
  // Text format keeps phone numbers and codes as typed (no 1.38E+10, no lost leading zero).
  definition.columns.forEach((_, index) => {
    data.getColumn(index + 1).numFmt = '@';
  });
  data.addRow(Object.fromEntries(definition.columns.map((column) => [column.key, column.example])));
  definition.columns.forEach((column, index) => {
    if (!column.choices || column.choices.length === 0) return;
    const list = `"${column.choices.join(',')}"`;
    // A drop-down for the first rows; Excel's list validation keeps to 255 characters.
    if (list.length > 255) return;
    const letter = data.getColumn(index + 1).letter;
    for (let row = 2; row <= 1000; row += 1) {
      data.getCell(`${letter}${row}`).dataValidation = { type: 'list', allowBlank: !column.required, formulae: [list] };
    }
  });

  const notes = workbook.addWorksheet(noteSheetName);
  notes.columns = [
    { header: '列名', key: 'header', width: 16 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '说明', key: 'note', width: 60 },
    { header: '示例', key: 'example', width: 28 },
    { header: '也可写作', key: 'aliases', width: 24 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const column of definition.columns) {
    notes.addRow({
      header: column.header,
      required: column.required ? '必填' : '选填',
      note: column.choices?.length ? `${column.note}（可选值：${column.choices.join('、')}）` : column.note,
      example: column.example,
      aliases: (column.aliases ?? []).join('、'),
    });
  }
  notes.addRow({});
  for (const line of [
    '1. 只读取第一个工作表；第一行为列名，请勿修改列名。从第二行起每行一条记录，空行会被跳过。',
    '2. 示例行仅作参考，导入前请删除或覆盖，否则会作为数据导入。',
    '3. 上传后先预览：每行的问题会标出行号、列名和原因；确认前不会写入任何数据，确认后全部写入或全部不写入。',
    '4. 同一区划下名称相同视为重复，确认时可选择跳过或更新已有记录；文件内重复的行会被标为错误。',
  ]) {
    notes.addRow({ header: line });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Excel forbids `\ / ? * [ ] :` in sheet names and allows 31 characters. */
function safeSheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1';
}

// Moved to server/src/kernel/content-disposition.ts (export files of several modules use it).
export { attachmentDisposition } from '../../kernel/content-disposition.ts';
