import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedTables, fingerprint } from '../fuzz/fingerprint.js';
import {
  anonymous,
  callInput,
  createTestContext,
  makeCall,
  orgUser,
  platformUser,
  randomCreditCode,
  scenarioNeedData,
  TEST_PASSWORD,
  type Client,
  type TestContext,
} from '../testing.js';
import { findInvalidCharacters, hasBadEscapes, INVALID_CHARACTERS, INVALID_CHARACTERS_MESSAGE } from './input-guard.js';

describe('findInvalidCharacters / hasBadEscapes', () => {
  it('finds NUL and lone surrogates at any depth and in keys, and lets pairs, CJK and RTL marks through', () => {
    expect(findInvalidCharacters({ a: ['ok', { b: 'x\u0000' }] })).toBe('a.1.b');
    expect(findInvalidCharacters({ a: '\uD800' })).toBe('a');
    expect(findInvalidCharacters({ a: 'x\uDC00' })).toBe('a');
    expect(findInvalidCharacters({ ['k\u0000']: 1 })).toBe('k\u0000');
    expect(findInvalidCharacters('\u0000')).toBe('');
    expect(findInvalidCharacters({ a: '场景😀\u200F\u202Eabc', n: 1, b: null, t: true })).toBeUndefined();
  });

  it('walks a 200,000-deep value without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findInvalidCharacters(deep)).toMatch(/^0(\.0)*$/);
  });

  it('flags percent-escapes that are not UTF-8, not a lone %', () => {
    expect(hasBadEscapes('q=%ED%A0%80')).toBe(true);
    expect(hasBadEscapes('q=%E0')).toBe(true);
    expect(hasBadEscapes('q=%E5%9C%BA%E6%99%AF&x=%F0%9F%98%80')).toBe(false);
    expect(hasBadEscapes('q=100%&r=%zz')).toBe(false);
  });
});

describe('input guard over the live API', () => {
  let ctx: TestContext;
  let anon: Client;
  let org: Client;
  let op: Client;
  let callId: string;
  let draftId: string;
  let draftCallId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    anon = anonymous(ctx.app);
    org = (await orgUser(ctx)).client;
    op = (await platformUser(ctx)).client;
    callId = (await makeCall(ctx.services)).id;
    draftCallId = (await makeCall(ctx.services, { status: 'draft' })).id;
    const draft = await org.post('/api/v1/submissions', { callId, data: scenarioNeedData() });
    expect(draft.statusCode).toBe(201);
    draftId = draft.json().id as string;
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const BAD = { nul: '\u0000', surrogate: '\uD800' } as const;
  /** How each bad character travels in a URL: %00, and a lone surrogate's would-be UTF-8 bytes. */
  const inUrl = { nul: '%00', surrogate: '%ED%A0%80' } as const;
  type Kind = keyof typeof BAD;
  /** `kinds` left out: both. Multipart carries bytes, so only NUL can arrive there (see the U+FFFD test). */
  type Case = [who: 'anon' | 'org' | 'op', name: string, send: (c: Client, k: Kind) => Promise<LightMyRequestResponse>, kinds?: Kind[]];

  const registration = (bad: string) => ({
    name: `注册机构${bad}`,
    creditCode: randomCreditCode(),
    kind: 'university',
    regionCode: '500106',
    contactName: '吴老师',
    contactPhone: '13700137000',
    admin: { email: `g${randomBytes(3).toString('hex')}@test.example.cn`, displayName: '吴老师', password: TEST_PASSWORD },
  });

  const CASES: Case[] = [
    ['anon', 'query GET /public/entries?q=', (c, k) => c.get(`/api/v1/public/entries?q=${inUrl[k]}`)],
    ['anon', 'query GET /search?q=', (c, k) => c.get(`/api/v1/search?q=a${inUrl[k]}b`)],
    ['anon', 'query key GET /calls', (c, k) => c.get(`/api/v1/calls?x${inUrl[k]}=1`)],
    ['anon', 'param GET /public/entries/:id', (c) => c.get('/api/v1/public/entries/%00')],
    ['anon', 'body POST /auth/login', (c, k) => c.post('/api/v1/auth/login', { email: 'a@test.example.cn', password: `x${BAD[k]}` })],
    ['anon', 'body POST /organizations/register', (c, k) => c.post('/api/v1/organizations/register', registration(BAD[k]))],
    ['anon', 'header cookie', (c, k) => c.request('GET', '/api/v1/auth/me', undefined, { headers: { cookie: `sb_session=${inUrl[k]}` } })],
    [
      'org',
      'deep body POST /submissions',
      (c, k) =>
        c.post('/api/v1/submissions', {
          callId,
          data: scenarioNeedData({ contact: { name: `李${BAD[k]}工`, phone: '023-63891234', public: false } }),
        }),
    ],
    [
      'org',
      'body PATCH /submissions/:id',
      (c, k) => c.patch(`/api/v1/submissions/${draftId}`, { data: scenarioNeedData({ title: `汽车零部件${BAD[k]}检测` }) }),
    ],
    ['org', 'param PATCH /submissions/:id', (c) => c.patch('/api/v1/submissions/%00', { data: scenarioNeedData() })],
    [
      'org',
      'body POST /subscriptions',
      (c, k) => c.post('/api/v1/subscriptions', { kind: 'saved_search', name: `订阅${BAD[k]}`, query: { q: '视觉' } }),
    ],
    [
      'org',
      'body key POST /quality/check',
      (c, k) => c.post('/api/v1/quality/check', { listType: 'scenario_need', data: { [`title${BAD[k]}`]: '视觉检测' } }),
    ],
    [
      'org',
      'multipart file name',
      (c) => c.request('POST', `/api/v1/submissions/${draftId}/attachments`, undefined, multipart('材料\u0000.pdf')),
      ['nul'],
    ],
    [
      'org',
      'multipart field before the file',
      (c) => c.request('POST', `/api/v1/submissions/${draftId}/attachments`, undefined, multipart('材料.pdf', { note: 'a\u0000b' })),
      ['nul'],
    ],
    ['op', 'body POST /calls', (c, k) => c.post('/api/v1/calls', callInput({ title: `2026年人工智能${BAD[k]}场景需求征集` }))],
    [
      'op',
      'body PATCH /calls/:id',
      (c, k) =>
        c.patch(`/api/v1/calls/${draftCallId}`, { description: `面向全区征集${BAD[k]}人工智能应用场景需求，择优纳入场景机会清单。` }),
    ],
    ['op', 'body POST /search/terms', (c, k) => c.post('/api/v1/search/terms', { term: `具身${BAD[k]}智能` })],
    ['op', 'query GET /audit', (c, k) => c.get(`/api/v1/audit?q=${inUrl[k]}`)],
    ['op', 'query DELETE /search/synonyms/:id?reason=', (c, k) => c.delete(`/api/v1/search/synonyms/${randomUuid()}?reason=${inUrl[k]}`)],
  ];

  const clientOf = (who: Case[0]) => ({ anon, org, op })[who];

  for (const [who, name, send, kinds] of CASES) {
    for (const kind of kinds ?? (['nul', 'surrogate'] as const)) {
      it(`${who} · ${name} · ${kind}: 400 ${INVALID_CHARACTERS}, nothing written`, async () => {
        const before = await fingerprint(ctx);
        const res = await send(clientOf(who), kind);
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error).toMatchObject({ code: INVALID_CHARACTERS, message: INVALID_CHARACTERS_MESSAGE });
        expect(changedTables(before, await fingerprint(ctx))).toEqual([]);
      });
    }
  }

  it('bytes that are not UTF-8 in a multipart file name arrive as U+FFFD: stored, no 500', async () => {
    const res = await org.request(
      'POST',
      `/api/v1/submissions/${draftId}/attachments`,
      undefined,
      multipart(Buffer.from([0xe6, 0x9d, 0x90, 0xed, 0xa0, 0x80, 0x2e, 0x70, 0x64, 0x66])),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().filename).toContain('\uFFFD');
  });

  it('a portal page answers with a Chinese HTML page, not a 500', async () => {
    for (const q of ['%00', '%ED%A0%80']) {
      const res = await anon.get(`/public/needs?q=${q}`);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toContain(INVALID_CHARACTERS_MESSAGE);
    }
  });

  it("a path that is not UTF-8 gets our error shape, not the framework's", async () => {
    for (const url of ['/api/v1/calls/%ED%A0%80', '/api/v1/submissions/%FF%FE']) {
      const res = await anon.get(url);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ error: { code: 'INVALID_CHARACTERS', message: INVALID_CHARACTERS_MESSAGE } });
    }
  });

  it('names the place without echoing the bad characters', async () => {
    const res = await anon.get(`/api/v1/search?${'k'.repeat(500)}%00=1`);
    expect(res.statusCode).toBe(400);
    const { path } = res.json().error.details as { path: string };
    expect(path.length).toBeLessThanOrEqual(200);
    expect(path).not.toContain('\u0000');
  });

  it("another application's cookie in another encoding (GBK escapes) does not lock anyone out", async () => {
    const res = await org.request('GET', '/api/v1/auth/me', undefined, { headers: { cookie: `${org.cookie}; city=%D6%D8%C7%EC; n=%00` } });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('ordinary text with emoji, RTL marks, a lone % and CJK passes the guard', async () => {
    expect((await anon.get(`/api/v1/public/entries?q=${encodeURIComponent('视觉😀\u200F')}`)).statusCode).toBe(200);
    expect((await anon.get('/api/v1/search?q=100%')).statusCode).toBe(200);
    const res = await org.post('/api/v1/quality/check', { listType: 'scenario_need', data: { title: '视觉检测😀\u202E' } });
    expect(res.statusCode, res.body).toBe(200);
  });
});

function randomUuid() {
  return crypto.randomUUID();
}

function multipart(filename: string | Buffer, fields: Record<string, string> = {}) {
  const boundary = `----sbguard${randomBytes(8).toString('hex')}`;
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
  const fieldParts = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  const head = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="`),
    Buffer.from(filename),
    Buffer.from('"\r\nContent-Type: application/pdf\r\n\r\n'),
  ]);
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([...fieldParts, head, pdf, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}
