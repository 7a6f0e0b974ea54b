import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { campaignProgress, formatFen, moneyInputSchema, parseFen, sumFen, tryParseFen, type Pledge, type Receipt } from './money.ts';

const WAN = 1_000_000; // fen in 1万元
const YI = 10_000_000_000; // fen in 1亿元

describe('parseFen', () => {
  it.each([
    ['1920万', 1920 * WAN],
    ['1,920万元', 1920 * WAN],
    ['34.6万元', 34_600_000],
    ['480.4亿元', 4_804_000_000_000],
    ['480.4亿', 4804 * YI / 10],
    ['1,234.56', 123_456],
    ['1234.56元', 123_456],
    ['１，２３４．５６元', 123_456], // full-width, as typed with a Chinese IME
    ['¥1,234.56', 123_456],
    ['￥ 1 234.56', 123_456],
    ['RMB 500', 50_000],
    ['人民币500元', 50_000],
    ['5块', 500],
    ['1千元', 100_000],
    ['1.5千万元', 1_500_000_000],
    ['3百万元', 300_000_000],
    ['2万亿元', 2 * 10_000 * YI],
    ['0.01', 1],
    ['0', 0],
    // Each of these is off by one fen through a float: 1.15 × 100 = 114.99999999999999.
    ['1.15', 115],
    ['4.35', 435],
    ['0.07', 7],
    ['19.99万', 19_990_000], // 199,900元
    ['0.000001万元', 1],
  ])('%s → %i fen', (input, fen) => {
    expect(parseFen(input)).toBe(fen);
  });

  it('reads a bare number in the field’s unit', () => {
    expect(parseFen('34.6', { defaultUnit: 'wan' })).toBe(34_600_000);
    expect(parseFen(34.6, { defaultUnit: 'wan' })).toBe(34_600_000);
    expect(parseFen(480.4, { defaultUnit: 'yi' })).toBe(4_804_000_000_000);
    expect(parseFen('12元', { defaultUnit: 'wan' })).toBe(1200); // a written unit wins
  });

  it('refuses digits below one fen unless asked to round half up', () => {
    expect(tryParseFen('12.345元')).toEqual({ ok: false, reason: 'precision' });
    expect(parseFen('12.345元', { rounding: 'half_up' })).toBe(1235);
    expect(parseFen('12.344元', { rounding: 'half_up' })).toBe(1234);
    expect(parseFen('0.0049', { rounding: 'half_up' })).toBe(0);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'format'],
    ['1,23', 'format'],
    ['12,34.5', 'format'],
    ['1.2.3', 'format'],
    ['.5', 'format'],
    ['1e5', 'format'],
    ['1920万元+', 'format'],
    ['约30万', 'format'],
    ['-5', 'negative'],
    ['99999999亿元', 'too_large'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(tryParseFen(input)).toEqual({ ok: false, reason });
  });

  it('takes a negative amount only when allowed, the sign before or after ¥', () => {
    expect(parseFen('-5', { allowNegative: true })).toBe(-500);
    expect(parseFen('¥-5.5', { allowNegative: true })).toBe(-550);
    expect(parseFen('−1万', { allowNegative: true })).toBe(-WAN);
    expect(parseFen('-0')).toBe(0);
  });

  it('refuses non-finite numbers and numbers written with an exponent', () => {
    expect(tryParseFen(Number.NaN)).toEqual({ ok: false, reason: 'format' });
    expect(tryParseFen(1e21)).toEqual({ ok: false, reason: 'format' });
  });

  it('works as a zod field', () => {
    expect(moneyInputSchema({ defaultUnit: 'wan' }).parse('34.6')).toBe(34_600_000);
    const bad = moneyInputSchema().safeParse('十万');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('invalid_money.format');
  });
});

describe('formatFen', () => {
  it.each([
    [34_600_000, {}, '34.6万元'],
    [1920 * WAN, {}, '1,920万元'],
    [1920 * WAN, { grouping: false }, '1920万元'],
    [4_804_000_000_000, {}, '480.4亿元'],
    [123_456, {}, '1,234.56元'],
    [50_000, {}, '500元'],
    [50_050, {}, '500.50元'],
    [99_999_999, {}, '100万元'], // 999,999.99元 rounds to 100.00万
    [123_456, { unit: 'wan' }, '0.12万元'],
    [1_234_500, { unit: 'wan' }, '1.23万元'], // 1.2345: the 4 decides
    [1_235_000, { unit: 'wan' }, '1.24万元'], // 1.235: half up
    [4_804_449_000_000, { unit: 'yi' }, '480.44亿元'],
    [4_804_450_000_000, { unit: 'yi' }, '480.45亿元'],
    [34_600_000, { unit: 'wan', decimals: 0 }, '35万元'],
    [34_400_000, { unit: 'wan', decimals: 0 }, '34万元'],
    [34_600_000, { unit: 'wan', fixed: true }, '34.60万元'],
    [50_000, { unit: 'yuan', fixed: true }, '500.00元'],
    [34_600_000, { suffix: false }, '34.6'],
    [1920 * WAN, { unit: 'yuan' }, '19,200,000元'],
    [-123_456, {}, '-1,234.56元'],
    [-1_235_000, { unit: 'wan' }, '-1.24万元'], // half away from zero
    [-1, { unit: 'wan' }, '0万元'], // no "-0"
    [0, {}, '0元'],
  ] as const)('%i fen %j → %s', (fen, options, expected) => {
    expect(formatFen(fen, options)).toBe(expected);
  });

  it('takes BigInt fen and refuses fractional fen', () => {
    expect(formatFen(48_040_000_000_000n)).toBe('4,804亿元');
    expect(() => formatFen(1.5)).toThrow(RangeError);
  });

  it('round-trips any amount written in 元', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        expect(parseFen(formatFen(fen, { unit: 'yuan' }), { allowNegative: true })).toBe(fen);
      }),
      { numRuns: 500 },
    );
  });
});

describe('sumFen', () => {
  it('adds exactly and refuses what it cannot hold', () => {
    expect(sumFen([parseFen('0.1万'), parseFen('0.2万')])).toBe(parseFen('0.3万'));
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumFen([0.5])).toThrow(RangeError);
  });
});

describe('campaignProgress: pledged vs received vs target', () => {
  // Target 1,920万元; pledges 1,000万 (A, two instalments), 600万 (B, due 06-30), 200万 (C, no date).
  const pledges: Pledge[] = [
    { id: 'P1', donorId: 'A', amountFen: 1000 * WAN, instalments: [{ dueDate: '2026-03-31', amountFen: 400 * WAN }, { dueDate: '2026-09-30', amountFen: 600 * WAN }] },
    { id: 'P2', donorId: 'B', amountFen: 600 * WAN, dueDate: '2026-06-30' },
    { id: 'P3', donorId: 'C', amountFen: 200 * WAN },
  ];
  const receipts: Receipt[] = [
    { pledgeId: 'P1', donorId: 'A', amountFen: 400 * WAN, receivedAt: '2026-03-20 10:00' },
    { pledgeId: 'P1', donorId: 'A', amountFen: 100 * WAN, receivedAt: '2026-10-05 10:00' },
    { pledgeId: 'P2', donorId: 'B', amountFen: 600 * WAN, receivedAt: '2026-07-15 10:00' },
    { pledgeId: null, donorId: 'D', amountFen: parseFen('34.6万'), receivedAt: '2026-08-01 10:00' },
    { pledgeId: 'P3', donorId: 'C', amountFen: 50 * WAN, receivedAt: '2026-12-01 10:00' }, // after asOf
  ];

  it('adds up as of the end of October', () => {
    const p = campaignProgress({ targetFen: parseFen('1920万'), pledges, receipts, asOf: '2026-10-31 18:00' });
    expect(p.pledgedFen).toBe(1800 * WAN);
    expect(p.receivedFen).toBe(parseFen('1134.6万')); // 400 + 100 + 600 + 34.6
    expect(p.outstandingFen).toBe(700 * WAN); // P1 500 + P3 200
    expect(p.pledgedOfTarget).toBe(1800 / 1920);
    expect(p.receivedOfTarget).toBeCloseTo(1134.6 / 1920, 12);
    expect(p.receivedOfPledged).toBeCloseTo(1134.6 / 1800, 12);
    expect(p.overduePledges).toEqual([{ pledgeId: 'P1', donorId: 'A', dueFen: 1000 * WAN, receivedFen: 500 * WAN, shortFen: 500 * WAN }]);
    expect(p.byDonor).toEqual([
      { donorId: 'A', pledgedFen: 1000 * WAN, receivedFen: 500 * WAN },
      { donorId: 'B', pledgedFen: 600 * WAN, receivedFen: 600 * WAN },
      { donorId: 'C', pledgedFen: 200 * WAN, receivedFen: 0 },
      { donorId: 'D', pledgedFen: 0, receivedFen: parseFen('34.6万') },
    ]);
    expect(formatFen(p.receivedFen)).toBe('1,134.6万元');
  });

  it('counts an instalment overdue from the day after its due date, in Shanghai time', () => {
    const onDueDay = campaignProgress({ targetFen: 0, pledges, receipts, asOf: '2026-09-30T15:59:00Z' }); // 23:59 Shanghai
    expect(onDueDay.overduePledges).toEqual([]);
    const nextDay = campaignProgress({ targetFen: 0, pledges, receipts, asOf: '2026-09-30T16:00:00Z' }); // 10-01 00:00
    expect(nextDay.overduePledges).toEqual([{ pledgeId: 'P1', donorId: 'A', dueFen: 1000 * WAN, receivedFen: 400 * WAN, shortFen: 600 * WAN }]);
    expect(nextDay.pledgedOfTarget).toBeNull();
  });

  it('flags a single-date pledge only while it is short', () => {
    const midJuly = campaignProgress({ targetFen: 0, pledges, receipts, asOf: '2026-07-10 12:00' });
    expect(midJuly.overduePledges.map((o) => o.pledgeId)).toEqual(['P2']);
  });
});
