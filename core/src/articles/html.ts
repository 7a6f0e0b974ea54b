/**
 * A small HTML-to-text converter for scraped article pages: no DOM, no dependency. It keeps what a
 * reader sees as paragraphs and drops scripts, styles, comments and the document head.
 */

// Elements whose content is never article text.
const invisible = /<(script|style|noscript|template|head|iframe|svg|object|canvas|select|button)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
// Elements that start a new paragraph when they open or close.
const blockTags = new Set(
  'address article aside blockquote center dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(' '),
);
// A tag with attributes, tolerating `>` inside quoted attribute values.
const tag = /<\/?([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;

const namedEntities: Record<string, string> = {
  nbsp: ' ', ensp: ' ', emsp: '\u3000', thinsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', laquo: '«', raquo: '»', mdash: '—', ndash: '–',
  hellip: '…', middot: '·', bull: '•', copy: '©', reg: '®', trade: '™', times: '×', divide: '÷',
  deg: '°', yen: '¥', rmb: '¥', permil: '‰', sect: '§', para: '¶', shy: '', zwsp: '',
};

/**
 * Decodes HTML character references: named ones common in Chinese pages, and all numeric ones.
 *
 * @example decodeEntities('&ldquo;同心&rdquo;&#x3001;&#12289;&amp;') // '“同心”、、&'
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);?/gi, (match: string, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      // Invalid or surrogate code points would throw or corrupt the string; keep them as written.
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : match;
    }
    return namedEntities[name.toLowerCase()] ?? match;
  });
}

/**
 * Turns an HTML page or fragment into plain text with one paragraph per line and blank lines
 * between blocks. Scripts, styles, comments and the `<head>` go; `<br>` becomes a line break.
 *
 * @example htmlToText('<p>統戰<b>工作</b></p><p>第二段<br>下一行</p>') // '統戰工作\n\n第二段\n下一行'
 */
export function htmlToText(html: string): string {
  const withoutHidden = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
    .replace(/<![^>]*>|<\?[^>]*>/g, '')
    .replace(invisible, '');
  // Source line breaks mean nothing in HTML; only tags make paragraphs.
  const flowing = withoutHidden.replace(/[ \t\r\n\f]+/g, ' ');
  const marked = flowing.replace(tag, (_match: string, name: string) => {
    const lower = name.toLowerCase();
    if (lower === 'br') return '\n';
    return blockTags.has(lower) ? '\n\n' : '';
  });
  return decodeEntities(marked)
    .split('\n')
    .map((line) => line.replace(/[ \u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * True when a text looks like HTML rather than plain text.
 *
 * @example looksLikeHtml('<p>同心</p>') // true
 * @example looksLikeHtml('a < b') // false
 */
export function looksLikeHtml(text: string): boolean {
  return /<(!doctype|html|body|head|p|div|br|span|article|section|h[1-6]|table|meta|a)\b[^<>]*>/i.test(text);
}
