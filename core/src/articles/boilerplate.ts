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
  ],
);

const englishNav = /^(return to top|back to top|go to top|print( this page)?|close( window)?|share( this)?( on| to)?|font size|all rights reserved)$/;

/** Line patterns with the longest line (in characters) each may remove. */
const patterns: [RegExp, number][] = [
  [/^(分享|转发)(到|至)?\s*[:：]?/, 40],
  [/(微信|微博|朋友圈|qq空间).{0,8}(分享|扫)|扫一扫|扫描二维码|二维码|长按识别/, 40],
  [/(字号|字体)\s*[:：]?\s*[\[【(]?\s*大\s*[\]】)]?\s*[\[【(]?\s*中/, 40],
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
  if (metadataLine.test(normal) && !/©|copyright|icp/.test(normal)) return false;
  return patterns.some(([pattern, maxLength]) => length <= maxLength && pattern.test(normal));
}

/** True for the heading of a "related stories" block. */
export function isRelatedMarker(line: string): boolean {
  return relatedMarker.test(normaliseForSearch(line));
}

/** A headline-like line: short and not a sentence, as in lists of other stories. */
export function isHeadlineLike(line: string): boolean {
  return [...line].length <= 40 && !/[。！？!?；;]/.test(line);
}
