import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText, looksLikeHtml } from './html.ts';

describe('htmlToText', () => {
  it('keeps paragraphs and line breaks, joins inline elements', () => {
    expect(htmlToText('<p>統戰<b>工作</b></p><p>第二段<br>下一行</p>')).toBe('統戰工作\n\n第二段\n下一行');
  });

  it('drops scripts, styles, comments and the head', () => {
    const html = `<!DOCTYPE html><html><head><title>站点</title><style>p{color:red}</style></head>
      <body><script>var a = "<p>不是正文</p>";</script><!-- <p>注释</p> --><div>正文</div><noscript>请启用</noscript></body></html>`;
    expect(htmlToText(html)).toBe('正文');
  });

  it('treats source line breaks as spaces, as browsers do', () => {
    expect(htmlToText('<p>上海青浦:\n   统战舞台广阔</p>')).toBe('上海青浦: 统战舞台广阔');
  });

  it('tolerates > inside attribute values', () => {
    expect(htmlToText('<p title="a > b">同心</p>')).toBe('同心');
  });

  it('decodes entities after removing tags, so escaped markup stays text', () => {
    expect(htmlToText('<p>&lt;p&gt; &amp; &ldquo;同心&rdquo;&nbsp;&#x540C;&#24515;</p>')).toBe('<p> & “同心” 同心');
  });

  it('gives text that cleanArticle can take paragraph by paragraph', () => {
    const html = '<div class="share">分享到:</div><h1>標題</h1><p>　　第一段。</p><ul><li>一</li><li>二</li></ul>';
    expect(htmlToText(html).split('\n\n')).toEqual(['分享到:', '標題', '第一段。', '一', '二']);
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric references and leaves unknown ones', () => {
    expect(decodeEntities('&copy;&#169;&#xA9;&unknown;&#0;')).toBe('©©©&unknown;&#0;');
  });
});

describe('looksLikeHtml', () => {
  it('tells HTML from text', () => {
    expect(looksLikeHtml('<html><body><p>同心</p></body></html>')).toBe(true);
    expect(looksLikeHtml('<div class="x">同心</div>')).toBe(true);
    expect(looksLikeHtml('a < b, 《中國新聞》報')).toBe(false);
  });
});
