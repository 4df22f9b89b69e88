/**
 * JSON Schema (the subset our OpenAPI document uses: zod via fastify-type-provider-zod) →
 * fast-check arbitrary of values that should pass it. Small on purpose: the libraries that do
 * this target zod 3 / fast-check ≤ 3 (zod-fast-check) or fast-check 1 (json-schema-fast-check).
 */
import fc, { type Arbitrary } from 'fast-check';

export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  nullable?: boolean;
  default?: unknown;
}

const TEXT = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme' }) },
  { weight: 2, arbitrary: fc.constantFrom('汽车零部件缺陷检测', '机器视觉', '人工智能应用场景', 'AI 大模型', '重庆') },
);

/** Where uuids come from: real ids of the world most of the time make requests reach the use cases. */
export interface SchemaArbitraryOptions {
  uuid?: Arbitrary<string>;
}

function stringArb(s: JsonSchema, o: SchemaArbitraryOptions): Arbitrary<string> {
  if (s.format === 'uuid') return o.uuid ?? fc.uuid();
  if (s.format === 'date-time')
    return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'email') return fc.emailAddress();
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 80, Math.max(min, 80));
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern, 'u')).filter((x) => x.length >= min && x.length <= (s.maxLength ?? Infinity));
    } catch {
      // A pattern fast-check cannot invert: fall back to plain text of the right length.
    }
  }
  return fc
    .oneof(TEXT, fc.string({ unit: 'grapheme', minLength: min, maxLength: max }))
    .map((x) => (x.length < min ? x.padEnd(min, '测') : x).slice(0, s.maxLength ?? undefined));
}

function numberArb(s: JsonSchema, integer: boolean): Arbitrary<number> {
  const lo = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + (integer ? 1 : 1e-6) : s.minimum;
  const hi = typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum - (integer ? 1 : 1e-6) : s.maximum;
  const min = Math.max(lo ?? -1e6, Number.MIN_SAFE_INTEGER);
  const max = Math.min(hi ?? 1e6, Number.MAX_SAFE_INTEGER);
  return integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function objectArb(s: JsonSchema, depth: number, o: SchemaArbitraryOptions): Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const required = s.required ?? [];
  if (Object.keys(props).length === 0) {
    return s.additionalProperties && depth < 3
      ? fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 })
      : fc.constant({});
  }
  const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, arbitraryFromSchema(v, depth + 1, o)]));
  return fc.record(model, { requiredKeys: required.filter((k) => k in props) }) as Arbitrary<Record<string, unknown>>;
}

export function arbitraryFromSchema(s: JsonSchema | undefined, depth = 0, o: SchemaArbitraryOptions = {}): Arbitrary<unknown> {
  if (!s) return fc.jsonValue({ maxDepth: 2 });
  const base = baseArb(s, depth, o);
  return s.nullable ? fc.option(base, { nil: null }) : base;
}

function baseArb(s: JsonSchema, depth: number, o: SchemaArbitraryOptions): Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.oneOf ?? s.anyOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => arbitraryFromSchema(a, depth + 1, o)));
  switch (s.type) {
    case 'string':
      return stringArb(s, o);
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const minLength = s.minItems ?? 0;
      return fc.array(arbitraryFromSchema(s.items, depth + 1, o), {
        minLength,
        maxLength: Math.max(minLength, Math.min(s.maxItems ?? 4, 4)),
      });
    }
    case 'object':
      return objectArb(s, depth, o);
    default:
      return depth > 2 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
  }
}
