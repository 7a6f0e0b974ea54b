/*
 * Rules for text that people send, shared by the server's validation layer and anything that cuts
 * text to a column's size. Import as `@tongxin/core/input-text`.
 */

/**
 * Control characters no form field needs: C0 except tab, newline and carriage return, DEL, and C1.
 * NUL in particular cannot be stored by PostgreSQL (it answered 500 before this rule).
 */
export const forbiddenControl = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Bidirectional embeddings, overrides and isolates: they make a name display as something else. */
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * A name without bidi overrides (`'\u202Eevil'` → `'evil'`).
 *
 * @example
 * stripBidiControls('abc\u202Etxt.exe') // 'abctxt.exe'
 */
export function stripBidiControls(text: string): string {
  return text.replace(bidiControls, '');
}

/** Length in code points (what a person counts as characters, emoji and rare CJK included). */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/**
 * The first `max` code points of `text`: never half of a surrogate pair (which would store U+FFFD
 * or fail on PostgreSQL).
 *
 * @example
 * cutToCodePoints('a😀b', 2) // 'a😀'
 */
export function cutToCodePoints(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  let n = 0;
  for (const ch of text) {
    if (n === max) break;
    out += ch;
    n += 1;
  }
  return out;
}
