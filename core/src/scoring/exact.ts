/*
 * Exact decimal arithmetic for competition scores (issue 16: totals showed float noise such as
 * 88.25000000000001). Scores and weights are decimals with at most four places; they become
 * integers of 1/10,000, rater sums integers of 1/10^8, and every mean or weighted total a fraction
 * of BigInts, rounded half-up to the competition's precision once, when it is shown. A figure
 * that reaches the API is therefore the decimal it prints as (88.25, never 88.25000000000001).
 */

/** Units of one score or weight: four decimal places. */
export const UNIT = 10_000n;

/** A non-negative fraction n / d (d > 0). */
export interface Fraction {
  n: bigint;
  d: bigint;
}

/** A decimal score or weight as integer units of 1/10,000 (more places are rounded away). */
export function units(x: number): bigint {
  return BigInt(Math.round(x * Number(UNIT)));
}

export const fraction = (n: bigint, d: bigint = 1n): Fraction => ({ n, d });
export const add = (a: Fraction, b: Fraction): Fraction => (a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d });
export const times = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.n, d: a.d * b.d });
export const over = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.d, d: a.d * b.n });

/**
 * The fraction rounded half-up to `places` decimals, as the number that prints as that decimal.
 *
 * @example
 * toDecimal(fraction(26n, 3n), 2) // 8.67
 */
export function toDecimal(f: Fraction, places: number): number {
  const scale = 10n ** BigInt(places);
  const negative = f.n < 0n !== f.d < 0n;
  const n = f.n < 0n ? -f.n : f.n;
  const d = f.d < 0n ? -f.d : f.d;
  const q = (2n * n * scale + d) / (2n * d);
  // Integer ÷ power of ten: the nearest double to the decimal, which prints as the decimal itself.
  return (negative ? -Number(q) : Number(q)) / Number(scale);
}

/** A number already on the score scale (e.g. a vote figure) as a fraction of units. */
export function fromNumber(x: number): Fraction {
  return fraction(units(x), UNIT);
}
