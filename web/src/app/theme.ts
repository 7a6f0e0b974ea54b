import type { ThemeConfig } from 'antd';
import type { Locale } from '@tongxin/core';

/**
 * Chinese first: CJK fonts in the script of the UI language, so simplified and traditional text
 * each get glyphs drawn for them.
 */
const cjkFonts: Record<Locale, string> = {
  'zh-CN': '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei"',
  'zh-TW': '"PingFang TC", "Microsoft JhengHei", "Noto Sans CJK TC", "Source Han Sans TC", "WenQuanYi Zen Hei"',
  en: '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Zen Hei"',
};
const latinFonts = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial';

export const brandRed = '#b7282e';

export function themeFor(locale: Locale): ThemeConfig {
  return {
    token: {
      colorPrimary: '#1d4f91',
      colorLink: '#1d4f91',
      borderRadius: 6,
      // Latin glyphs (digits, codes) from the UI font; CJK from the named fonts before the generic
      // sans-serif, which on many systems would pick Japanese glyph shapes.
      fontFamily: `${latinFonts}, ${cjkFonts[locale]}, sans-serif`,
    },
    components: {
      Layout: { headerBg: '#ffffff', siderBg: '#14243d', headerHeight: 56, headerPadding: '0 20px' },
      Menu: { darkItemBg: '#14243d', darkSubMenuItemBg: '#101d31', darkItemSelectedBg: '#1d4f91' },
      Table: { headerBg: '#f5f7fa' },
      Tree: { nodeSelectedBg: '#dce8f8' },
    },
  };
}
