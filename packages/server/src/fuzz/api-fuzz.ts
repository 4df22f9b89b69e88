/**
 * Property-based fuzzing of every operation in the OpenAPI document, over the live app
 * (inject), as three callers. Properties: no 5xx; a refused request (4xx) changes nothing in the
 * database (fingerprint.ts); nothing pollutes Object.prototype.
 */
import fc, { type Arbitrary } from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { login, scenarioNeedData, type Client, type TestContext } from '../testing.js';
import { changedTables, fingerprint } from './fingerprint.js';
import { hostileString, hostileValue, mutated, poisonString, RAW_JSON } from './hostile.js';
import { arbitraryFromSchema, type JsonSchema } from './schema-arbitrary.js';
import { CALLERS, multipartBody, type Caller, type World } from './world.js';

interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface OpenApiDoc {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema?: JsonSchema }> } }>>;
}

export interface Operation {
  key: string;
  method: string;
  path: string;
  params: Parameter[];
  query: Parameter[];
  body?: JsonSchema;
}

export function operationsFrom(doc: OpenApiDoc): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([m, op]) => ({
      key: `${m.toUpperCase()} ${path}`,
      method: m.toUpperCase(),
      path,
      params: (op.parameters ?? []).filter((p) => p.in === 'path'),
      query: (op.parameters ?? []).filter((p) => p.in === 'query'),
      body: op.requestBody?.content['application/json']?.schema,
    })),
  );
}

type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; contentType: string; text: string }
  | { kind: 'multipart'; contentType: string; payload: Buffer };

export interface FuzzRequest {
  caller: Caller;
  url: string;
  body: Body;
}

const MULTIPART = new Set([
  'POST /api/v1/submissions/{id}/attachments',
  'POST /api/v1/applications/{id}/attachments',
  'POST /api/v1/imports',
]);
/** Routes that end or change the caller's own session: sent from a throwaway session. */
const OWN_SESSION = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/auth/password']);
/**
 * Writes a refusal is meant to make: a failed login or password check counts the failure
 * (per-account throttling) and audits the lock. Anything else written by a 4xx is a finding.
 */
const WRITES_ON_REFUSAL: Record<string, readonly string[]> = {
  'POST /api/v1/auth/login': ['users', 'auth_throttles', 'audit_events', 'audit_head'],
  'POST /api/v1/auth/password': ['users', 'auth_throttles', 'audit_events', 'audit_head'],
};

const RAW_ESCAPES = [
  '%00',
  '%ED%A0%80',
  '%E0',
  '%C0%AE',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e',
  '%',
  '%zz',
  '-1',
  '0',
  '99999999999999999999',
  '1e309',
  'NaN',
];

/** URL-encodes a generated string; one with a lone surrogate goes as its would-be UTF-8 bytes. */
function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s
      .replace(/[\uD800-\uDFFF]/g, '\u0001')
      .split('\u0001')
      .map((x) => encodeURIComponent(x))
      .join('%ED%A0%80');
  }
}

const scalar = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v));

function queryValue(p: Parameter, valid: (s?: JsonSchema) => Arbitrary<unknown>): Arbitrary<string[]> {
  const good = valid(p.schema).map((v) => (Array.isArray(v) ? v.map(scalar) : [scalar(v)]));
  const bad = fc.array(hostileValue.map(scalar), { minLength: 1, maxLength: 3 });
  return fc.oneof(
    { weight: 4, arbitrary: good },
    { weight: 2, arbitrary: good.chain((vs) => poisonString(fc.constantFrom(...vs, '视觉检测')).map((x) => [x])) },
    { weight: 1, arbitrary: bad },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_ESCAPES).map((x) => [decodeURIComponentSafe(x)]) },
  );
}

const decodeURIComponentSafe = (x: string) => {
  try {
    return decodeURIComponent(x);
  } catch {
    return x;
  }
};

function queryArb(op: Operation, world: World, valid: (s?: JsonSchema) => Arbitrary<unknown>): Arbitrary<string> {
  const fields = op.query.map((p) =>
    fc.tuple(
      fc.constant(p),
      p.required
        ? queryValue(p, valid).map((v) => v as string[] | undefined)
        : fc.option(queryValue(p, valid), { nil: undefined, freq: 2 }),
    ),
  );
  const signed = op.query.some((p) => p.name === 's')
    ? fc.constant(`s=${world.signedUnsubscribe.s}&t=${encode(world.signedUnsubscribe.t)}`)
    : fc.constant('');
  const extraKey = fc.oneof(
    { weight: 5, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.tuple(hostileString, hostileString) },
  );
  const built = fc.tuple(fc.tuple(...fields), extraKey).map(([pairs, extra]) => {
    const parts = pairs.flatMap(([p, vs]) => (vs ?? []).map((v) => `${encode(p.name)}=${encode(v)}`));
    if (extra) parts.push(`${encode(extra[0])}=${encode(extra[1])}`);
    return parts.join('&');
  });
  const raw = fc
    .array(fc.constantFrom(...RAW_ESCAPES, 'a[b]=1', 'q', '=', '&&', 'page=-1', 'pageSize=0', 'page=1e309', '__proto__[x]=1'), {
      maxLength: 3,
    })
    .map((xs) => xs.map((x) => (x.includes('=') || x.includes('&') || x === 'q' ? x : `q=${x}`)).join('&'));
  return fc.oneof(
    { weight: 6, arbitrary: built },
    { weight: 1, arbitrary: raw },
    { weight: op.query.some((p) => p.name === 's') ? 3 : 0, arbitrary: signed },
  );
}

function paramArb(p: Parameter, world: World, valid: (s?: JsonSchema) => Arbitrary<unknown>): Arbitrary<string> {
  return fc.oneof(
    { weight: p.schema?.format === 'uuid' ? 5 : 0, arbitrary: fc.constantFrom(...world.ids) },
    { weight: 2, arbitrary: valid(p.schema).map((v) => encode(scalar(v))) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: hostileString.filter((s) => s.length > 0 && s.length < 5000).map(encode) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_ESCAPES) },
  );
}

/** Valid bodies a schema cannot describe (submission data is `additionalProperties`). */
function examplesFor(op: Operation, world: World): unknown[] {
  switch (op.key) {
    case 'POST /api/v1/submissions':
      return [{ callId: world.openCallId, data: scenarioNeedData() }];
    case 'PATCH /api/v1/submissions/{id}':
      return [{ data: scenarioNeedData({ title: '模糊测试修改后的场景需求' }) }];
    case 'POST /api/v1/quality/check':
      return [{ listType: 'scenario_need', data: scenarioNeedData() }];
    default:
      return [];
  }
}

function multipartArb(world: World): Arbitrary<Body> {
  const content = fc.oneof(
    fc.constant(Buffer.alloc(0)),
    fc.uint8Array({ maxLength: 4000 }).map((a) => Buffer.from(a)),
    fc.constant(world.files.png),
    fc.constant(world.files.pdf),
    fc.constant(world.files.xlsx),
  );
  const name = fc.oneof(
    fc.constantFrom('材料.pdf', 'a.png', 'import.xlsx', 'x'),
    hostileString.filter((s) => !/["\r\n]/.test(s) && s.length < 2000),
  );
  const file = fc.option(fc.record({ name, content, field: fc.constantFrom('file', 'file', 'other', '') }), { nil: undefined, freq: 6 });
  const fields = fc.dictionary(
    fc.constantFrom('note', 'mode', 'x'),
    hostileString.filter((s) => !s.includes('--')),
    { maxKeys: 2 },
  );
  return fc.tuple(file, fields).map(([f, fs]) => ({ kind: 'multipart' as const, ...multipartBody(f, fs) }));
}

function bodyArb(op: Operation, world: World, valid: (s?: JsonSchema) => Arbitrary<unknown>): Arbitrary<Body> {
  const raw = fc.oneof(
    fc.constantFrom(...RAW_JSON).map((text) => ({ kind: 'raw' as const, contentType: 'application/json', text })),
    fc
      .constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'application/json; charset=latin1')
      .chain((contentType) => hostileString.map((text) => ({ kind: 'raw' as const, contentType, text }))),
  );
  if (MULTIPART.has(op.key))
    return fc.oneof(
      { weight: 5, arbitrary: multipartArb(world) },
      { weight: 1, arbitrary: raw },
      { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
    );
  if (!op.body) {
    if (op.method === 'GET' || op.method === 'DELETE') return fc.constant({ kind: 'none' as const });
    return fc.oneof({ weight: 4, arbitrary: fc.constant({ kind: 'none' as const }) }, { weight: 1, arbitrary: raw });
  }
  const examples = examplesFor(op, world);
  const good = examples.length ? fc.oneof(valid(op.body), fc.constantFrom(...examples)) : valid(op.body);
  const json = (a: Arbitrary<unknown>) => a.map((value) => ({ kind: 'json' as const, value }));
  return fc.oneof(
    { weight: 3, arbitrary: json(good) },
    { weight: 4, arbitrary: json(mutated(good)) },
    { weight: 1, arbitrary: json(hostileValue) },
    { weight: 1, arbitrary: raw },
  );
}

export function requestArb(op: Operation, world: World): Arbitrary<FuzzRequest> {
  const uuid = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...world.ids) }, { weight: 1, arbitrary: fc.uuid() });
  const valid = (s?: JsonSchema) => arbitraryFromSchema(s, 0, { uuid });
  const params = fc.tuple(...op.params.map((p) => paramArb(p, world, valid)));
  return fc
    .record({ caller: fc.constantFrom(...CALLERS), params, query: queryArb(op, world, valid), body: bodyArb(op, world, valid) })
    .map(({ caller, params: values, query, body }) => {
      let path = op.path;
      op.params.forEach((p, i) => {
        path = path.replace(`{${p.name}}`, values[i]!);
      });
      return { caller, url: query ? `${path}?${query}` : path, body };
    });
}

/** The caller's client; a throwaway session for routes that end or change the caller's own. */
export async function clientFor(ctx: TestContext, world: World, op: Operation, caller: Caller): Promise<Client> {
  if (caller !== 'anon' && OWN_SESSION.has(op.key)) return login(ctx.app, world.emails[caller]);
  return world.clients[caller];
}

export async function send(ctx: TestContext, client: Client, op: Operation, req: FuzzRequest): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (client.cookie) headers.cookie = client.cookie;
  if (client.csrfToken && op.method !== 'GET') headers['x-csrf-token'] = client.csrfToken;
  const b = req.body;
  let payload: string | Buffer | undefined;
  if (b.kind === 'json') {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(b.value) ?? 'null';
  }
  if (b.kind === 'raw') {
    headers['content-type'] = b.contentType;
    payload = b.text;
  }
  if (b.kind === 'multipart') {
    headers['content-type'] = b.contentType;
    payload = b.payload;
  }
  return ctx.app.inject({ method: op.method as 'GET', url: req.url, headers, ...(payload === undefined ? {} : { payload }) });
}

export interface Finding {
  route: string;
  kind: '5xx' | 'changed-on-refusal' | 'prototype-polluted';
  status: number;
  detail: string;
  request: string;
}

export class PropertyFailure extends Error {
  constructor(readonly finding: Omit<Finding, 'request'>) {
    super(`${finding.kind} ${finding.status}: ${finding.detail}`);
  }
}

/** One request and the three properties; throws PropertyFailure. */
export async function checkOne(ctx: TestContext, world: World, op: Operation, req: FuzzRequest) {
  const client = await clientFor(ctx, world, op, req.caller);
  const before = await fingerprint(ctx);
  const res = await send(ctx, client, op, req);
  const polluted = ({} as Record<string, unknown>).polluted;
  if (polluted !== undefined)
    throw new PropertyFailure({ route: op.key, kind: 'prototype-polluted', status: res.statusCode, detail: String(polluted) });
  if (res.statusCode >= 500)
    throw new PropertyFailure({ route: op.key, kind: '5xx', status: res.statusCode, detail: res.body.slice(0, 300) });
  if (res.statusCode >= 400) {
    const allowed = WRITES_ON_REFUSAL[op.key] ?? [];
    const changed = changedTables(before, await fingerprint(ctx)).filter((t) => !allowed.includes(t));
    if (changed.length)
      throw new PropertyFailure({
        route: op.key,
        kind: 'changed-on-refusal',
        status: res.statusCode,
        detail: `${changed.join(', ')} · ${res.body.slice(0, 200)}`,
      });
  }
  return res;
}
