import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { looksLikeHtml, parseArticle, type ParsedArticle } from '@tongxin/core/articles/index';

/** How `article parse` treats a file: by extension first, by content when the extension says nothing. */
function detectFormat(file: string, content: string): 'html' | 'text' {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.html' || extension === '.htm' || extension === '.xhtml') return 'html';
  if (extension === '.txt' || extension === '.text' || extension === '.md') return 'text';
  return looksLikeHtml(content) ? 'html' : 'text';
}

function summary(article: ParsedArticle): string {
  const orNone = (value: string | null) => value ?? '—';
  const lines = [
    `title:      ${orNone(article.title)}`,
    `published:  ${orNone(article.publishedAt)}`,
    `source:     ${orNone(article.source)}${article.medium ? ` (${article.medium}, ${article.level})` : ''}`,
    `authors:    ${article.authors.join(', ') || '—'}`,
    `editors:    ${article.editors.join(', ') || '—'}`,
    `removed:    ${article.removed.pinyin} pinyin annotations, ${article.removed.boilerplateLines.length} lines`,
    `garbled:    ${article.garbled.length === 0 ? '—' : `${article.garbled.length} (${article.garbled.filter((garble) => garble.repair !== null).length} repaired)`}`,
    ...article.garbled.map((garble) => `  ¶${garble.paragraph + 1}: ${garble.text}${garble.repair === null ? ' (check against the original)' : ` → ${garble.repair}`}`),
    `figures:    ${article.figures.length}`,
    ...article.figures.map((figure) => {
      const inBaseUnit = figure.unit === figure.baseUnit ? '' : ` = ${figure.normalised}${figure.baseUnit}`;
      return `  ${figure.label || '?'}: ${figure.raw}${inBaseUnit}${figure.approx ? ' (approx.)' : ''}`;
    }),
    '',
    article.text,
  ];
  return lines.join('\n');
}

/**
 * `tongxin article parse <file> [--format json|text]`: parses one saved article and returns what
 * to print. Reads only the file; never opens the database.
 *
 * @example await articleParseCommand('../shared/samples/article-qingpu-simplified.txt', 'json')
 */
export async function articleParseCommand(file: string, format: 'json' | 'text'): Promise<string> {
  const content = await readFile(file, 'utf8');
  const article = parseArticle(content, { format: detectFormat(file, content) });
  if (format === 'text') return summary(article);
  // The original is the file the caller already has; leaving it out keeps the output readable.
  const { original: _original, ...rest } = article;
  return JSON.stringify(rest, null, 2);
}
