import fc from 'fast-check';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../db/database.ts';

/** Text that has broken parsers, databases and pages elsewhere. */
export const nastyStrings = [
  '',
  ' ',
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  "1' UNION SELECT password_hash FROM users --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '\u0000',
  'a\u0000b',
  '\u202Eevil\u202C',
  '\u200F\u200E\u200B\uFEFF',
  '\uD800',
  'x\uDFFFy',
  '😀👨‍👩‍👧‍👦🇨🇳',
  '統(tǒng)戰(zhàn)',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '${7*7}{{7*7}}',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999',
  'true',
  'null',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'x'.repeat(10_000),
  '宽'.repeat(100_000),
];

export const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...nastyStrings) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

/** JSON nested `depth` levels deep: arrays or objects. */
export function deepJson(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** Any value of the wrong kind for a field: strings, numbers at the edges, containers, deep JSON. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.constantFrom(-1, 0, 1.5, -0, 2 ** 31, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, -Number.MAX_VALUE, 1e308),
  fc.boolean(),
  fc.constant(null),
  fc.array(nastyString, { maxLength: 3 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
  fc.constantFrom(deepJson(2_000, 'array'), deepJson(2_000, 'object')),
);

/** One way of spoiling a valid request body. */
export type BodyMutation =
  | { kind: 'replace-field'; value: unknown; pick: number }
  | { kind: 'drop-field'; pick: number }
  | { kind: 'extra-field'; name: string; value: unknown }
  | { kind: 'whole-body'; value: unknown }
  | { kind: 'every-string'; value: string };

export const bodyMutation: fc.Arbitrary<BodyMutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace-field' as const), value: wrongValue, pick: fc.nat() }),
  fc.record({ kind: fc.constant('drop-field' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('extra-field' as const), name: fc.constantFrom('__proto__', 'id', 'createdBy', 'divisionPath', 'isAdmin', 'version', 'x'), value: wrongValue }),
  fc.record({ kind: fc.constant('whole-body' as const), value: wrongValue }),
  fc.record({ kind: fc.constant('every-string' as const), value: nastyString }),
);

export function applyBodyMutation(body: unknown, mutation: BodyMutation): unknown {
  if (mutation.kind === 'whole-body' || !body || typeof body !== 'object' || Array.isArray(body)) {
    return mutation.kind === 'whole-body' ? mutation.value : body;
  }
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  const keys = Object.keys(copy);
  switch (mutation.kind) {
    case 'replace-field':
      if (keys.length) copy[keys[mutation.pick % keys.length]!] = mutation.value;
      else copy.unexpected = mutation.value;
      return copy;
    case 'drop-field':
      if (keys.length) delete copy[keys[mutation.pick % keys.length]!];
      return copy;
    case 'extra-field':
      // A key named __proto__ must become an own property, as JSON.parse would make it.
      Object.defineProperty(copy, mutation.name, { value: mutation.value, enumerable: true, configurable: true, writable: true });
      return copy;
    case 'every-string':
      for (const key of keys) if (typeof copy[key] === 'string') copy[key] = mutation.value;
      return copy;
  }
}

/** Query parameters lists take: paging, sorting, filtering, search text. */
export const queryMutation = fc.dictionary(
  fc.constantFrom('page', 'pageSize', 'sort', 'order', 'q', 'divisionId', 'status', 'archived', 'from', 'to', 'type', 'kind', 'year', 'ownerType', 'ownerId', 'sort[]', 'filter'),
  fc.oneof(nastyString, fc.constantFrom('-1', '0', '1e9', 'password_hash', 'name; DROP TABLE users', 'id desc', '1,2,abc', 'desc', 'asc')),
  { minKeys: 1, maxKeys: 4 },
);

/** Ids in the URL that are not ids. */
export const badId = fc.constantFrom('abc', '-1', '0', '1.5', '1e3', '99999999999999999999', '%00', '%2e%2e', '%F0%9F%98%80', '1%20OR%201=1', "1'");

/**
 * Every table's row count in one round trip: a request refused with a 4xx must leave them all
 * as they were (`skip`: tables that record refusals on purpose, such as sign-in attempts).
 */
export async function rowCounts(handle: DatabaseHandle, skip: RegExp): Promise<Record<string, number>> {
  const tables = (await handle.db.introspection.getTables()).map((t) => t.name).filter((name) => !skip.test(name) && !name.includes('kysely'));
  const select = tables.map((name) => `(select count(*) from "${name}") as "${name}"`).join(', ');
  const row = (await sql<Record<string, unknown>>`${sql.raw(`select ${select}`)}`.execute(handle.db)).rows[0]!;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}
