/** How many of everything a scale asks for: scale 1 is a province (16 cities … 1,000,000 requests). */
export interface Plan {
  cities: number;
  districts: number;
  towns: number;
  villages: number;
  organisations: number;
  people: number;
  brands: number;
  venues: number;
  projects: number;
  programmes: number;
  pairs: number;
  activities: number;
  cases: number;
  needs: number;
}

export function planFor(scale: number): Plan {
  const n = (full: number, min: number) => Math.max(min, Math.round(full * scale));
  return {
    cities: n(16, 2),
    districts: n(100, 3),
    towns: n(1_500, 5),
    villages: n(25_000, 10),
    organisations: n(200_000, 60),
    people: n(300_000, 80),
    brands: n(400, 3),
    venues: n(12_000, 10),
    projects: n(20_000, 10),
    programmes: n(200, 2),
    pairs: n(30_000, 10),
    activities: n(2_000_000, 200),
    cases: n(1_000_000, 100),
    needs: n(100_000, 20),
  };
}

/** The generator's "today": fixed, so a seed gives the same data whatever day it runs. */
export const defaultNow = Date.UTC(2026, 10, 25, 0, 0, 0);
/** Records start three years and a bit before "today". */
export const historyStart = Date.UTC(2023, 6, 1, 0, 0, 0);

export const dayMs = 86_400_000;
export const hourMs = 3_600_000;
export const iso = (ms: number) => new Date(ms).toISOString();
export const ymd = (ms: number) => new Date(ms + 8 * hourMs).toISOString().slice(0, 10);

// Name parts: every place and organisation name is built from these, numbered when they run out.
const syllables = [...'安宝长春大东丰福广和华吉嘉建江金锦丽临龙茂明南宁平清庆瑞山尚顺泰天通同文西祥新兴阳永裕元云兆中'];
const pairs = syllables.length * syllables.length;

/** A distinct two-character name for index i (numbered beyond the pairs), plus a suffix. */
export function placeName(i: number, suffix: string): string {
  const a = syllables[i % syllables.length]!;
  const b = syllables[Math.floor(i / syllables.length) % syllables.length]!;
  const round = Math.floor(i / pairs);
  return `${a}${b}${round ? round + 1 : ''}${suffix}`;
}

export const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈'];
export const givenNames = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英', '建华', '志强', '海燕', '国平'];
