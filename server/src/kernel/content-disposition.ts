/**
 * A `Content-Disposition: attachment` header for a file name that may be Chinese: an ASCII
 * fallback for old clients and the RFC 5987 UTF-8 form for the rest.
 *
 * @example
 * attachmentDisposition('区划导入模板.xlsx', 'division-template.xlsx')
 * // attachment; filename="division-template.xlsx"; filename*=UTF-8''%E5%8C%BA...
 */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encoded}`;
}
