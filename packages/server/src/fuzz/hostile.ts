/** Boundary and hostile values, and ways to plant them in an otherwise valid request. */
import fc, { type Arbitrary } from 'fast-check';

export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n',
  '0',
  '-1',
  'null',
  'true',
  'undefined',
  'NaN',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDC00',
  '\uDBFF\uDBFF',
  '😀'.repeat(40),
  '👩‍👩‍👧‍👦',
  '\u202Eevil\u202C.pdf',
  '\u200F\u200E\u061C',
  'e\u0301'.repeat(300),
  '\uFEFF',
  '\uFFFD',
  "' OR '1'='1' --",
  "'; DROP TABLE users; --",
  '1; select pg_sleep(0)',
  '$1',
  "E'\\x00'",
  '\\',
  '%',
  '%%',
  '_',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '</title><svg onload=alert(1)>',
  '&amp;&lt;',
  ']]><!--',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/dev/null',
  '%2e%2e%2f',
  'C:\\',
  'file:///etc/passwd',
  '${7*7}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  '\r\nX-Injected: 1',
  'Ａ全角ＡＢＣ',
  '𠀀𪜀',
  'a'.repeat(31),
  'a'.repeat(101),
  'a'.repeat(201),
  'a'.repeat(1001),
  'a'.repeat(5001),
  '测'.repeat(10_001),
  'x'.repeat(100_000),
];

export const HOSTILE_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1.5,
  -1.5,
  1e308,
  -1e308,
  2 ** 31,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e-300,
  1e21,
];

const WRONG_TYPES: readonly unknown[] = [null, true, false, [], {}, [[[]]], { a: {} }, [null], '1', 1];

/** Ordinary text with a NUL or a lone surrogate somewhere in it: what PostgreSQL cannot store. */
const poisoned: Arbitrary<string> = fc
  .tuple(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.nat(), fc.constantFrom('\u0000', '\uD800', '\uDFFF'))
  .map(([s, at, bad]) => s.slice(0, at % (s.length + 1)) + bad + s.slice(at % (s.length + 1)));

export const hostileString: Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: poisoned },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

export const hostileValue: Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...WRONG_TYPES) },
  { weight: 1, arbitrary: fc.constant(JSON.parse('{"__proto__":{"polluted":"yes"}}') as unknown) },
  { weight: 1, arbitrary: fc.constant(JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}') as unknown) },
);

/** JSON text that JSON.stringify would not produce: deep nesting, prototype keys, huge literals, broken syntax. */
export const RAW_JSON: readonly string[] = [
  '',
  ' ',
  'null',
  '[]',
  '"x"',
  '1',
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '\u0000',
  '{"a":"\\u0000"}',
  '{"a":"\\ud800"}',
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"a":1,"a":2}',
  '{"n":1e999999}',
  '{"n":-1e999999}',
  '{"n":123456789012345678901234567890}',
  '['.repeat(20_000) + ']'.repeat(20_000),
  '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000),
  `{"a":"${'x'.repeat(1_000_000)}"}`,
  `[${'1,'.repeat(200_000)}1]`,
];

type Json = unknown;

/** Paths to every node of a JSON value (root included), depth first. */
function paths(v: Json, at: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  out.push(at);
  if (Array.isArray(v)) v.forEach((c, i) => paths(c, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) paths(c, [...at, k], out);
  return out;
}

function setAt(v: Json, path: Array<string | number>, value: Json): Json {
  if (path.length === 0) return value;
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, Json>;
  const [head, ...rest] = path;
  Object.defineProperty(copy, head!, { value: setAt(copy[head!], rest, value), enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A valid value with the `pick`-th node replaced by `value`, or `value` added under a new key. */
export function plant(v: Json, pick: number, value: Json, newKey?: string): Json {
  const all = paths(v);
  const path = all[pick % all.length]!;
  if (newKey !== undefined && v && typeof v === 'object' && !Array.isArray(v)) return setAt(v, [newKey], value);
  return setAt(v, path, value);
}

/** NUL first: the one character PostgreSQL refuses outright. */
const POISON = fc.oneof(
  { weight: 4, arbitrary: fc.constant('\u0000') },
  { weight: 2, arbitrary: fc.constantFrom('\uD800', '\uDC00') },
  { weight: 2, arbitrary: fc.constantFrom('\u202E', '😀', '<script>', "'--", 'a'.repeat(6000)) },
);

/** `s` with `bad` inserted in the middle: a value that passes most checks but carries the poison. */
export const poison = (s: string, bad: string) => s.slice(0, s.length >> 1) + bad + s.slice(s.length >> 1);

/** The `pick`-th string leaf of a valid value, poisoned; the value itself if it has no string. */
function poisonLeaf(v: Json, pick: number, bad: string): Json {
  const leaves = paths(v).filter((p) => typeof p.reduce<Json>((node, k) => (node as Record<string | number, Json>)[k], v) === 'string');
  if (leaves.length === 0) return v;
  const path = leaves[pick % leaves.length]!;
  const old = path.reduce<Json>((node, k) => (node as Record<string | number, Json>)[k], v) as string;
  return setAt(v, path, poison(old, bad));
}

/** Mostly-valid values with hostile parts, from an arbitrary of valid ones. */
export function mutated(valid: Arbitrary<Json>): Arbitrary<Json> {
  const planted = fc
    .tuple(valid, fc.nat(), hostileValue, fc.option(fc.constantFrom('__proto__', 'constructor', 'extra', '', '\u0000'), { nil: undefined }))
    .map(([v, pick, value, key]) => plant(v, pick, value, key));
  const poisoned = fc.tuple(valid, fc.nat(), POISON).map(([v, pick, bad]) => poisonLeaf(v, pick, bad));
  return fc.oneof(planted, poisoned);
}

export const poisonString = (valid: Arbitrary<string>) => fc.tuple(valid, POISON).map(([s, bad]) => poison(s, bad));
