import fs from 'node:fs';
import path from 'node:path';
import { fieldError } from './errors.ts';

let listed: Set<string> | undefined;

/** The bundled list (common-passwords.txt beside this file), read once. */
function commonPasswords(): Set<string> {
  listed ??= new Set(
    fs
      .readFileSync(path.join(import.meta.dirname, 'common-passwords.txt'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#')),
  );
  return listed;
}

/**
 * Whether a password is on the bundled list of common (breached) passwords, or is a listed
 * word with only digits and symbols around it — what people add to pass a "letters and digits"
 * rule (`Password2026!`, `2026woaini`).
 *
 * @example
 * isCommonPassword('Qwerty123456') // true
 */
export function isCommonPassword(password: string): boolean {
  const list = commonPasswords();
  const lower = password.toLowerCase();
  if (list.has(lower)) return true;
  const core = lower.replace(/^[\d\W_]+/, '').replace(/[\d\W_]+$/, '');
  return core.length > 0 && core !== lower && list.has(core);
}

/** 400 on the password field when the password is a common one. */
export function assertNotBreached(password: string, fieldPath: string): void {
  if (isCommonPassword(password)) throw fieldError(fieldPath, 'validation.password_breached');
}
