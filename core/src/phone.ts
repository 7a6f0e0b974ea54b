/** Mainland mobile (11 digits from 1[3-9]) or a landline/hotline with optional area code and extension. */
export const phonePattern = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|[48]00-?\d{3}-?\d{4}|\d{5,8})$/;

/**
 * Mask a phone number for lists and exports: keep the first three and last four digits.
 *
 * @example
 * maskPhone('13812345678') // "138****5678"
 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 7) return '*'.repeat(Math.max(0, digits.length - 2)) + digits.slice(-2);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** Strip spaces and dashes people type, so the same number is stored one way. */
export function normalisePhone(phone: string): string {
  return phone.replace(/[\s\u3000()（）]/g, '').trim();
}
