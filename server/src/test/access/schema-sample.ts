import { z } from 'zod';

/** A JSON Schema node as z.toJSONSchema writes it (the parts these generators read). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
}

/** The input side of a route's Zod schema as JSON Schema, or null when the route has none. */
export function jsonSchemaOf(schema: unknown): JsonSchema | null {
  if (!schema) return null;
  if (schema instanceof z.ZodType) return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return schema as JsonSchema;
}

/** Values that pass the common patterns of this code base (phones, dates, codes). */
function stringFor(node: JsonSchema, name: string): string {
  if (node.format === 'date-time' || /At$/.test(name)) return '2026-11-20T08:00:00.000Z';
  if (node.format === 'date' || /date|Date|On$/.test(name)) return '2026-11-20';
  if (node.format === 'email') return 'a@example.com';
  if (node.format === 'uri' || node.format === 'url') return 'https://example.com/';
  if (node.pattern) {
    for (const candidate of ['13900001234', '2026-11-20', '2026-11', '2026', '08:00', '310118', 'ABC123', 'abc', '1', 'a']) {
      if (new RegExp(node.pattern).test(candidate)) return candidate;
    }
  }
  if (/phone|hotline|mobile/i.test(name)) return '13900001234';
  if (/password/i.test(name)) return 'Matrix-2026-pw!';
  const base = `测试${name || 'x'}`;
  const min = node.minLength ?? 1;
  const max = node.maxLength ?? 40;
  return base.padEnd(min, '样').slice(0, Math.max(min, Math.min(max, base.length)));
}

/**
 * A small value that satisfies `node`: required properties only, the first enum member, the
 * smallest allowed number. `pick(name)` may supply a value by property name (ids of records).
 */
export function sampleOf(node: JsonSchema | undefined, pick: (name: string) => unknown = () => undefined, name = ''): unknown {
  if (!node) return undefined;
  const picked = name ? pick(name) : undefined;
  if (picked !== undefined) return picked;
  if (node.const !== undefined) return node.const;
  if (node.enum) return node.enum.find((value) => value !== null) ?? node.enum[0];
  if (node.default !== undefined && node.default !== null) return node.default;
  const union = node.anyOf ?? node.oneOf;
  if (union) {
    const choice = union.find((option) => option.type !== 'null') ?? union[0];
    return sampleOf(choice, pick, name);
  }
  if (node.allOf) return sampleOf(Object.assign({}, ...node.allOf), pick, name);
  const type = Array.isArray(node.type) ? (node.type.find((t) => t !== 'null') ?? node.type[0]) : node.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of node.required ?? []) out[key] = sampleOf(node.properties?.[key], pick, key);
      return out;
    }
    case 'array': {
      const count = node.minItems ?? 0;
      const item = node.items ?? node.prefixItems?.[0];
      return Array.from({ length: Math.max(count, node.prefixItems?.length ?? 0) }, (_, i) => sampleOf(node.prefixItems?.[i] ?? item, pick, name));
    }
    case 'integer':
    case 'number': {
      const min = node.minimum ?? (node.exclusiveMinimum !== undefined ? node.exclusiveMinimum + 1 : 1);
      return node.maximum !== undefined ? Math.min(Math.max(min, 1), node.maximum) : Math.max(min, 1);
    }
    case 'boolean':
      return false;
    case 'string':
      return stringFor(node, name);
    case 'null':
      return null;
    default:
      return undefined;
  }
}
