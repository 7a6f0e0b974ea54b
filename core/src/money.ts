import { z } from 'zod';
import { localDayNumber, dayNumberFromKey, toMs, type Instant } from './calendar/shanghai-time.ts';

/**
 * Money as integer fen (分). Amounts are parsed from what people type (`1920万`, `34.6万元`,
 * `480.4亿元`, `1,234.56`) with BigInt arithmetic on the digits, never through a float, so
 * `0.1万元 + 0.2万元` is exactly `3000.00元`. Fen are plain JS numbers (safe up to ±9×10^15 fen,
 * i.e. 90万亿元) because the database and JSON carry them as integers.
 */

/** Units reports write amounts in. */
export type MoneyUnit = 'yuan' | 'wan' | 'yi';

const FEN_PER: Record<MoneyUnit, bigint> = { yuan: 100n, wan: 1_000_000n, yi: 10_000_000_000n };
const SUFFIX: Record<MoneyUnit, string> = { yuan: '元', wan: '万元', yi: '亿元' };

/** Written unit words and their value in fen; longest first so `万亿` wins over `亿`. */
const UNIT_WORDS: ReadonlyArray<readonly [string, bigint]> = [
  ['万亿', 100_000_000_000_000n],
  ['千万', 1_000_000_000n],
  ['百万', 100_000_000n],
  ['亿', 10_000_000_000n],
  ['万', 1_000_000n],
  ['千', 100_000n],
  ['', 100n],
];

export type MoneyParseReason = 'empty' | 'format' | 'precision' | 'negative' | 'too_large';

/** A money input that could not be read; `reason` maps to a translated message. */
export class MoneyParseError extends Error {
  readonly code = 'invalid_money' as const;
  constructor(
    readonly reason: MoneyParseReason,
    readonly input: string,
  ) {
    super(`Cannot read "${input}" as an amount of money (${reason})`);
    this.name = 'MoneyParseError';
  }
}

export interface ParseMoneyOptions {
  /** Unit of a bare number (`34.6` typed into a field labelled 万元). Default `yuan`. */
  defaultUnit?: MoneyUnit;
  /** What to do with digits below one fen: `reject` (default) or round half up (四舍五入). */
  rounding?: 'reject' | 'half_up';
  allowNegative?: boolean;
}

const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * Parse what a person typed into integer fen. Accepts full-width digits, thousands separators, a
 * leading `¥`/`￥`/`RMB`/`人民币`, and a unit: 元 (圆, 块), 千元, 万(元), 百万元, 千万元, 亿(元), 万亿元.
 * Throws a {@link MoneyParseError}; see {@link tryParseFen} for a non-throwing form.
 *
 * @example
 * parseFen('1920万')    // 1_920_000_000
 * parseFen('34.6万元')  // 34_600_000
 * parseFen('480.4亿元') // 4_804_000_000_000
 * parseFen('1,234.56')  // 123_456
 */
export function parseFen(input: string | number, options: ParseMoneyOptions = {}): number {
  const original = String(input);
  if (typeof input === 'number' && !Number.isFinite(input)) throw new MoneyParseError('format', original);
  // NFKC turns full-width digits, commas and points (１２３，４５６．７８) into ASCII.
  let text = original.normalize('NFKC').replace(/\s+/g, '');
  if (text === '') throw new MoneyParseError('empty', original);

  let negative = false;
  if (/^[-−]/.test(text)) {
    negative = true;
    text = text.slice(1);
  }
  text = text.replace(/^(?:¥|RMB|CNY|人民币)/i, '');
  if (!negative && /^[-−]/.test(text)) {
    negative = true;
    text = text.slice(1);
  }

  let perUnit = FEN_PER[options.defaultUnit ?? 'yuan'];
  const unitMatch = /^(.*?)(万亿|千万|百万|亿|万|千)?(?:元|圆|块)$/.exec(text) ?? /^(.*?)(万亿|千万|百万|亿|万)$/.exec(text);
  if (unitMatch) {
    text = unitMatch[1] ?? '';
    perUnit = UNIT_WORDS.find(([word]) => word === (unitMatch[2] ?? ''))?.[1] ?? 100n;
  }

  const number = NUMBER.exec(text);
  if (!number) throw new MoneyParseError('format', original);
  const whole = (number[1] ?? '').replace(/,/g, '');
  const fraction = number[2] ?? '';
  const denominator = 10n ** BigInt(fraction.length);
  const numerator = BigInt(whole + fraction) * perUnit;
  let fen = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder !== 0n) {
    if (options.rounding !== 'half_up') throw new MoneyParseError('precision', original);
    if (remainder * 2n >= denominator) fen += 1n;
  }
  if (negative && fen !== 0n) {
    if (!options.allowNegative) throw new MoneyParseError('negative', original);
    fen = -fen;
  }
  if (fen > BigInt(Number.MAX_SAFE_INTEGER) || fen < -BigInt(Number.MAX_SAFE_INTEGER)) throw new MoneyParseError('too_large', original);
  return Number(fen);
}

/**
 * {@link parseFen} without throwing.
 *
 * @example
 * tryParseFen('12.345元') // { ok: false, reason: 'precision' }
 */
export function tryParseFen(
  input: string | number,
  options: ParseMoneyOptions = {},
): { ok: true; fen: number } | { ok: false; reason: MoneyParseReason } {
  try {
    return { ok: true, fen: parseFen(input, options) };
  } catch (error) {
    if (error instanceof MoneyParseError) return { ok: false, reason: error.reason };
    throw error;
  }
}

/** Integer fen as stored and sent over the API. */
export const fenSchema = z.number().int().refine(Number.isSafeInteger, 'Amount too large');

/**
 * A zod schema for a money field people type into: a string or number in, fen out.
 *
 * @example
 * moneyInputSchema({ defaultUnit: 'wan' }).parse('34.6') // 34_600_000
 */
export function moneyInputSchema(options: ParseMoneyOptions = {}) {
  return z.union([z.string(), z.number()]).transform((value, ctx) => {
    const result = tryParseFen(value, options);
    if (result.ok) return result.fen;
    ctx.addIssue({ code: 'custom', message: `invalid_money.${result.reason}` });
    return z.NEVER;
  });
}

export interface FormatMoneyOptions {
  /** Default `auto`: 亿元 from 1亿元 up, 万元 from 1万元 up, else 元. */
  unit?: MoneyUnit | 'auto';
  /** Decimals for 万元/亿元 (default 2, trailing zeros dropped). 元 shows 0 or 2 decimals. */
  decimals?: number;
  /** Keep trailing zeros (`34.60万元`), for aligned table columns. */
  fixed?: boolean;
  /** Thousands separators (`1,920万元`); default true. */
  grouping?: boolean;
  /** Append the unit (`万元`); false when the column header carries it. Default true. */
  suffix?: boolean;
  /**
   * The page's language: the unit words (万元 / 萬元 / "10k yuan") and the decimal and thousands
   * marks follow it. Default `zh-CN`. An English page must not show 万元 (issue 17).
   */
  locale?: string;
}

/** Unit words per language. English keeps the Chinese scale (万 = 10k, 亿 = 100m) the figures are reported in. */
const SUFFIXES: Record<'zh-CN' | 'zh-TW' | 'en', Record<MoneyUnit, string>> = {
  'zh-CN': SUFFIX,
  'zh-TW': { yuan: '元', wan: '萬元', yi: '億元' },
  en: { yuan: ' yuan', wan: ' × 10k yuan', yi: ' × 100m yuan' },
};

function suffixesOf(locale: string | undefined): Record<MoneyUnit, string> {
  if (!locale) return SUFFIX;
  if (/^en\b/i.test(locale)) return SUFFIXES.en;
  if (/^zh-(TW|HK|MO|Hant)/i.test(locale)) return SUFFIXES['zh-TW'];
  return SUFFIX;
}

/** Division rounding half away from zero (四舍五入 on the magnitude), in BigInt. */
function roundDiv(n: bigint, d: bigint): bigint {
  const negative = n < 0n;
  const magnitude = negative ? -n : n;
  const q = magnitude / d + ((magnitude % d) * 2n >= d ? 1n : 0n);
  return negative ? -q : q;
}

/**
 * Format fen as Chinese reports write money: `1,234.56元`, `500元`, `34.6万元`, `1,920万元`,
 * `480.4亿元`, rounding half up (四舍五入).
 *
 * @example
 * formatFen(34_600_000)                       // "34.6万元"
 * formatFen(123_456, { unit: 'yuan' })        // "1,234.56元"
 * formatFen(1_234_500, { unit: 'wan' })       // "1.23万元" (12,345元: the 5 is in the third decimal)
 * formatFen(1_920_000_000, { grouping: false }) // "1920万元"
 * formatFen(34_600_000, { locale: 'en' })     // "34.6 × 10k yuan"
 */
export function formatFen(fen: number | bigint, options: FormatMoneyOptions = {}): string {
  const amount = BigInt(fen);
  const magnitude = amount < 0n ? -amount : amount;
  const unit = options.unit && options.unit !== 'auto' ? options.unit : magnitude >= FEN_PER.yi ? 'yi' : magnitude >= FEN_PER.wan ? 'wan' : 'yuan';
  const decimals = unit === 'yuan' ? 2 : (options.decimals ?? 2);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) throw new RangeError(`decimals must be 0…10, got ${decimals}`);

  const scale = 10n ** BigInt(decimals);
  const scaled = roundDiv(amount * scale, FEN_PER[unit]);
  const abs = scaled < 0n ? -scaled : scaled;
  let whole = (abs / scale).toString();
  let fraction = decimals > 0 ? (abs % scale).toString().padStart(decimals, '0') : '';
  if (!options.fixed) {
    // 元 amounts are whole or carry both decimals (500元, 500.50元); 万/亿 drop trailing zeros (34.6万元).
    fraction = unit === 'yuan' ? (/^0*$/.test(fraction) ? '' : fraction) : fraction.replace(/0+$/, '');
  }
  if (options.grouping ?? true) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = scaled < 0n ? '-' : '';
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}${options.suffix === false ? '' : suffixesOf(options.locale)[unit]}`;
}

/**
 * Add fen amounts, refusing a sum beyond the safe integer range rather than losing fen silently.
 *
 * @example
 * sumFen([10, 20, 30]) // 60
 */
export function sumFen(amounts: Iterable<number>): number {
  let total = 0n;
  for (const a of amounts) {
    if (!Number.isSafeInteger(a)) throw new RangeError(`Not an amount in fen: ${a}`);
    total += BigInt(a);
  }
  if (total > BigInt(Number.MAX_SAFE_INTEGER) || total < -BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('Sum too large');
  return Number(total);
}

/** A pledge (认捐) by a donor, paid at once by `dueDate` or in instalments. */
export interface Pledge {
  id: string;
  donorId: string;
  amountFen: number;
  /** Shanghai local date (`YYYY-MM-DD`) the whole amount is due, when not in instalments. */
  dueDate?: string | null;
  instalments?: ReadonlyArray<{ dueDate: string; amountFen: number }>;
}

/** Money received (到账); `pledgeId` null for a donation not pledged beforehand. */
export interface Receipt {
  pledgeId: string | null;
  donorId: string;
  amountFen: number;
  receivedAt: Instant;
}

export interface CampaignProgress {
  targetFen: number;
  pledgedFen: number;
  receivedFen: number;
  /** Σ over pledges of what is still to come (a pledge overpaid does not offset another). */
  outstandingFen: number;
  /** Shares as fractions (0.576 = 57.6 %); null without a target or pledges. */
  pledgedOfTarget: number | null;
  receivedOfTarget: number | null;
  receivedOfPledged: number | null;
  /** Pledges with instalments past their due date and not fully received. */
  overduePledges: Array<{ pledgeId: string; donorId: string; dueFen: number; receivedFen: number; shortFen: number }>;
  byDonor: Array<{ donorId: string; pledgedFen: number; receivedFen: number }>;
}

/**
 * Pledged vs received vs target as of a moment: receipts after `asOf` are not counted, and an
 * instalment is overdue from the day after its due date (Shanghai time).
 *
 * @example
 * campaignProgress({ targetFen: parseFen('1920万'), pledges, receipts, asOf: new Date() }).receivedOfTarget
 */
export function campaignProgress(input: {
  targetFen: number;
  pledges: readonly Pledge[];
  receipts: readonly Receipt[];
  asOf: Instant;
}): CampaignProgress {
  const asOf = toMs(input.asOf);
  const today = localDayNumber(asOf);
  const receipts = input.receipts.filter((r) => toMs(r.receivedAt) <= asOf);
  const receivedFor = (pledgeId: string): number => sumFen(receipts.filter((r) => r.pledgeId === pledgeId).map((r) => r.amountFen));

  const overduePledges: CampaignProgress['overduePledges'] = [];
  let outstanding = 0;
  for (const p of input.pledges) {
    const received = receivedFor(p.id);
    outstanding += Math.max(0, p.amountFen - received);
    const schedule = p.instalments ?? (p.dueDate ? [{ dueDate: p.dueDate, amountFen: p.amountFen }] : []);
    const dueFen = sumFen(schedule.filter((i) => dayNumberFromKey(i.dueDate) < today).map((i) => i.amountFen));
    if (dueFen > received) overduePledges.push({ pledgeId: p.id, donorId: p.donorId, dueFen, receivedFen: received, shortFen: dueFen - received });
  }

  const donors = new Map<string, { donorId: string; pledgedFen: number; receivedFen: number }>();
  const donor = (id: string): { donorId: string; pledgedFen: number; receivedFen: number } => {
    const found = donors.get(id);
    if (found) return found;
    const created = { donorId: id, pledgedFen: 0, receivedFen: 0 };
    donors.set(id, created);
    return created;
  };
  for (const p of input.pledges) donor(p.donorId).pledgedFen += p.amountFen;
  for (const r of receipts) donor(r.donorId).receivedFen += r.amountFen;

  const pledgedFen = sumFen(input.pledges.map((p) => p.amountFen));
  const receivedFen = sumFen(receipts.map((r) => r.amountFen));
  const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
  return {
    targetFen: input.targetFen,
    pledgedFen,
    receivedFen,
    outstandingFen: outstanding,
    pledgedOfTarget: share(pledgedFen, input.targetFen),
    receivedOfTarget: share(receivedFen, input.targetFen),
    receivedOfPledged: share(receivedFen, pledgedFen),
    overduePledges,
    byDonor: [...donors.values()].sort((a, b) => a.donorId.localeCompare(b.donorId)),
  };
}
