/** Letters and digits that cannot be mistaken for each other when read aloud or copied by hand. */
const letters = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const digits = '23456789';

function pick(alphabet: string): string {
  const [random] = crypto.getRandomValues(new Uint32Array(1));
  return alphabet[random! % alphabet.length]!;
}

/**
 * A password that meets the server's rule (10+ characters, letters and digits) for an
 * administrator to hand over; the user should change it after signing in.
 *
 * @example
 * generatePassword() // "k7Pq3mZx9Rte"
 */
export function generatePassword(length = 12): string {
  const chars = [pick(letters), pick(digits)];
  while (chars.length < length) chars.push(pick(letters + digits));
  // Shuffle so the guaranteed letter and digit are not always first.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.getRandomValues(new Uint32Array(1))[0]! % (i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
