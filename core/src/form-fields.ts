import { z } from 'zod';
import { normalisePhone, phonePattern } from './phone.ts';

/*
 * Field helpers for the create/update bodies of venues, brands and resources. Kept out of
 * index.ts on purpose: other lists define their own, and two `export *` of one name would clash.
 */

/**
 * Optional free text for create and update bodies: trimmed, at most `max` characters; an empty
 * string clears the field (null), a missing field leaves it alone (undefined).
 *
 * @example
 * z.object({ address: clearableText(200) }).parse({ address: '  ' }) // { address: null }
 */
export function clearableText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();
}

/**
 * An optional phone or hotline: spaces and brackets people type are dropped before it is checked
 * against {@link phonePattern}; an empty string clears it.
 *
 * @example
 * clearablePhone().parse('021 5988 1234') // "02159881234"
 */
export function clearablePhone() {
  return z
    .string()
    .max(40)
    .transform(normalisePhone)
    .refine((value) => value === '' || phonePattern.test(value), { error: 'validation.phone' })
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();
}


/**
 * A query parameter that takes one or more values: `?type=a,b` or `?type=a&type=b`.
 *
 * @example
 * listParam(['a', 'b'] as const).parse('a,b') // ['a', 'b']
 */
export function listParam<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : value),
    z.array(z.enum(values)).min(1).max(values.length),
  );
}

/**
 * One or more positive ids in a query: `?serviceKindId=3,4` or `?serviceKindId=3&serviceKindId=4`.
 *
 * @example
 * idListParam().parse('3,4') // [3, 4]
 */
export function idListParam(max = 30) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : value),
    z.array(z.coerce.number().int().positive()).min(1).max(max),
  );
}
