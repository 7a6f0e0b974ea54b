import { normaliseForSearch } from '../text/search-keys.ts';

/**
 * Site chrome that scraped articles carry around the story. Rules are written for the normalised
 * line (simplified script, half-width, lower case) so one rule covers both scripts, and most apply
 * only to short lines so that a real paragraph that happens to mention 版权 or 地址 survives.
 */

// Words that make up navigation and toolbar lines; a line made only of these is chrome.
const navWords = new Set(
  [
    '分享', '分享到', '分享至', '转发', '收藏', '加入收藏', '设为首页', '打印', '打印本页', '打印此页', '打印文章',
    '关闭', '关闭窗口', '关闭本页', '返回', '返回首页', '返回列表', '返回顶部', '回到顶部', '顶部', '置顶', 'top',
    '评论', '我要评论', '网友评论', '发表评论', '纠错', '我要纠错', '推荐', '为您推荐', '相关新闻', '相关阅读',
    '推荐阅读', '相关文章', '相关链接', '热点推荐', '热门推荐', '延伸阅读', '更多', '查看更多', '点赞', '登录',
    '注册', '首页', '扫一扫', '手机版', '手机看', '微信', '微博', '朋友圈', 'qq', 'qq空间', 'qq好友', '复制链接',
    '字号', '字体', '大', '中', '小', '大字体', '中字体', '小字体', '默认', '上一篇', '下一篇', '联系我们', '关于我们',
    '网站地图', '网站导航', '免责声明', '隐私政策', '版权声明', '举报', '保存', '听新闻', '播报', '责编', 'print', 'close',
    'share', 'home', 'email', 'rss',
    // Markers, reader controls and e-paper navigation (正文开始 above the headline, 上一版 on e-papers…)
    '正文开始', '正文结束', '跳转到正文', '跳过导航', '无障碍', '无障碍浏览', '长者模式', '关怀版', '阅读原文', '在看', '点赞',
    '扫码关注', '扫码关注我们', '关注我们', '点击关注', 'app下载', '下载app', '客户端下载', '列表详情', '详情', '正文',
    '上一版', '下一版', '版面导航', '数字报首页', '网站首页', '往期回顾', '高级检索', '默认', '阅读', '朗读', '收听',
  ],
);

const englishNav = /^(return to top|back to top|go to top|print( this page)?|close( window)?|share( this)?( on| to)?|font size|all rights reserved)$/;

/**
 * Patterns that hold even on lines that look like metadata (a date, 来源, 编辑): reader controls,
 * tags, footers, e-paper navigation, picture file names. Each with the longest line it may remove.
 */
const strongPatterns: [RegExp, number][] = [
  [/(字号|字体|字级)\s*[\]】)]?\s*[:：]?\s*[\[【(]?\s*大\s*[\]】)]?\s*[|｜]?\s*[\[【(]?\s*(中|小|默认)/, 60],
  // Tag and keyword lines that pages print after the story.
  [/^(关键词|关键字|标签|tags?|keywords?)\s*[:：]/, 100],
  // Site footers: who runs the site and who built it.
  [/^(主办单位|主办|承办单位|承办|协办单位|技术支持|网站标识码|网站维护|运营维护)\s*[:：]/, 120],
  // Disclaimer headings and the statements of a reposting site about its own content.
  [/^(免责声明|版权声明|郑重声明|特别声明)|^(本站|本网站|本网)(所有|所载|部分|发布|转载).{0,40}(来自|来源于|仅供|版权)/, 200],
  // E-paper page lines: 第03版:要闻, 出版日期.
  [/^\d{4}-\d{1,2}-\d{1,2}\s*第\s*\d+\s*版|出版日期\s*[:：]|往期回顾|版面导航/, 60],
  // Notices for subscribers or signed-in readers instead of the story.
  [/(订户专区|登入系统|登录后(查看|阅读)|请先登[录入]|付费阅读|开通会员)/, 80],
  // Picture file names left where images were: …_fororder_微信图片_20230424142049, photo.jpg.
  [/_fororder_|微信图片_\d{8,}|\.(jpe?g|png|gif|webp)$/, 200],
];

/** Line patterns with the longest line (in characters) each may remove. */
const patterns: [RegExp, number][] = [
  [/^(分享|转发)(到|至)?\s*[:：]?/, 40],
  [/(微信|微博|朋友圈|qq空间).{0,8}(分享|扫)|扫一扫|扫描二维码|二维码|长按识别/, 40],
  [/©|copyright|版权所有|all rights reserved|版权声明/, 160],
  [/icp\s*[备证]|公网安备|网安备|增值电信业务|新闻信息服务许可/, 160],
  [/^(联系电话|电话|咨询电话|服务热线|热线电话|热线|传真|地址|通讯地址|联系地址|邮编|邮政编码|邮箱|电子邮箱|电子信箱|e-?mail|在线咨询|工作时间|办公时间|联系人|微信号|举报电话|违法和不良信息举报)\s*[:：\s]/, 100],
  [/^(您|你)?(的|现在的|当前|现在|所在)?(位置|所在位置)\s*[:：>\s]/, 80],
  [/^首页\s*(>|›|»|\/|\||-)/, 80],
  [/(>|›|»)\s*正文$/, 80],
  [/不代表.{0,24}(观点|立场)|转载请注明|转载请联系|未经.{0,6}(授权|许可).{0,12}(转载|使用|复制|摘编)|禁止转载|追究.{0,6}法律责任|书面授权|本文来[自源于]+网络|如有侵权|侵权请联系|侵删/, 200],
  [/^(发表评论|网友评论|我要评论|参与评论|已有\d+人参与|评论\s*\(\d+\))|文明上网.{0,4}理性发言/, 100],
  [/^(上一篇|下一篇|上一条|下一条|前一篇|后一篇)\s*[:：]/, 100],
  [/^(浏览次数|阅读次数|点击数|点击量|阅读量|访问量|浏览量|阅读数)\s*[:：]?\s*\d+\s*$/, 40],
];

// Lines that are only a phone number, an e-mail address, a link or decoration.
const bareLine = /^(\+?[\d\s\-()转]{7,}|[\w.+-]+@[\w-]+(\.[\w-]+)+|(https?:\/\/|www\.)\S+|[\p{P}\p{S}\s]+)$/u;

// A re-posting site's account name in place of an author ("作者: baixiuhui1"): a login, not a person.
const accountLine = /^(作者|发布者|发布人|投稿人|上传者)\s*[:：]?\s*[a-z][\w.-]*\d[\w.-]*$/;

// Lines that carry the article's own metadata are never chrome, even when they share words with it.
const metadataLine = /来源|作者|记者|编辑|发布时间|发布日期|\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}/;

/** Markers after which a site lists other stories: short headline lines that follow are dropped. */
const relatedMarker = /^(为您推荐|相关新闻|相关阅读|推荐阅读|相关文章|热点推荐|热门推荐|延伸阅读|猜你喜欢|更多精彩|精彩推荐)/;

/**
 * True when a single line is site chrome (share buttons, font-size links, print/close, copyright,
 * ICP numbers, contact footers, back-to-top, breadcrumbs, comment boxes, reprint disclaimers…).
 *
 * @example isBoilerplateLine('分享到:') // true
 * @example isBoilerplateLine('Copyright ©1999-2024 chinanews.com. All Rights Reserved') // true
 * @example isBoilerplateLine('商会拥有会员企业154家。') // false
 */
export function isBoilerplateLine(line: string): boolean {
  const normal = normaliseForSearch(line);
  if (normal.length === 0) return false;
  const length = [...normal].length;
  if (bareLine.test(normal)) return true;
  if (englishNav.test(normal)) return true;
  const words = normal.split(/[\s|｜·•/[\]【】()<>«»›,，:：]+/u).filter((word) => word.length > 0);
  if (words.length > 0 && words.every((word) => navWords.has(word))) return true;
  if (accountLine.test(normal)) return true;
  if (strongPatterns.some(([pattern, maxLength]) => length <= maxLength && pattern.test(normal))) return true;
  if (metadataLine.test(normal) && !/©|copyright|icp/.test(normal)) return false;
  return patterns.some(([pattern, maxLength]) => length <= maxLength && pattern.test(normal));
}

// A label with nothing after it (日期:, 来源：).
const emptyLabel = /^(日期|时间|发布时间|来源|作者|编辑|责任编辑|浏览|点击)\s*[:：]?\s*$/;
// A date and time standing alone, closed by a separator that once joined it to a source or counter.
const bareDateTime = /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(\s*\d{1,2}[:：]\d{2}([:：]\d{2})?)?\s*[|｜丨/·•\-–—]+$/;
// A journal's issue line (统一战线研究 2022年1期) or an author's affiliation with its postcode.
const journalLine = /^\S{2,24}\s*\d{4}\s*年\s*(第\s*)?\d{1,2}\s*期$|^[(（][^()（）]{4,60}\d{6}[)）]$/;
// A header line that carries a link: the site's name, address and date in one (中共…工作部 http://… 2021-06-27).
const headerWithLink = /https?:\/\/\S+/;

/**
 * Furniture that pages put around the story but that carries no sentence: a bare date-time with a
 * trailing separator, an empty label, a journal issue line, an affiliation line, a short header line
 * with a link. Separate from {@link isBoilerplateLine} because a date-time line still tells the
 * metadata reader when the page was published.
 *
 * @example isFurnitureLine('2020-09-04 16:20 |') // true
 */
export function isFurnitureLine(line: string): boolean {
  const normal = normaliseForSearch(line);
  if (emptyLabel.test(normal) || bareDateTime.test(normal) || journalLine.test(normal)) return true;
  return headerWithLink.test(normal) && [...normal].length <= 120 && !/[。！？]/.test(normal);
}

/** True for the heading of a "related stories" block. */
export function isRelatedMarker(line: string): boolean {
  return relatedMarker.test(normaliseForSearch(line));
}

/** A headline-like line: short and not a sentence, as in lists of other stories. */
export function isHeadlineLike(line: string): boolean {
  return [...line].length <= 40 && !/[。！？!?；;]/.test(line);
}

const disclaimerHeading = /免责声明|版权声明|郑重声明|特别声明|©|copyright|版权所有/;
/** True for the first line of a disclaimer or copyright block, whose numbered clauses follow. */
export function isDisclaimerHeading(line: string): boolean {
  return disclaimerHeading.test(normaliseForSearch(line));
}

const strongEndMarkers = [
  /^[(（[【]?\s*(完|终|全文完|end)\s*[)）\]】]?$/,
  /^[【[(（]?\s*(责任编辑|编辑|责编|审核|审校|校对|值班编辑|网络编辑|本期编辑|终审|初审|编审)\s*[:：]/,
];
const weakEndMarkers = [
  /^[【[(（]?\s*(来源|稿源|信息来源|文章来源|转自|出处)\s*[:：]/,
  /^[(（][^()（）]{2,30}[)）]$/, // (区委统战部供稿), (枣园镇党委 郭明)
];

/**
 * Whether a line closes a story: `strong` for an end mark or an editor line, `weak` for a source
 * line or a contributor in parentheses (which close a story only when no story text follows).
 * Lines of the page after the last marker are not the story.
 *
 * @example isEndMarker('【编辑:唐炜妮】') // 'strong'
 * @example isEndMarker('(区委统战部供稿)') // 'weak'
 */
export function isEndMarker(line: string): 'strong' | 'weak' | null {
  const normal = normaliseForSearch(line);
  if ([...normal].length > 40) return null;
  if (strongEndMarkers.some((marker) => marker.test(normal))) return 'strong';
  return weakEndMarkers.some((marker) => marker.test(normal)) ? 'weak' : null;
}
